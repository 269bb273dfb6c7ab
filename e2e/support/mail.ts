import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "@playwright/test";
import { type ParsedMail, simpleParser } from "mailparser";

/**
 * Mail as the customer gets it: what the store sent over SMTP to the suite's own mail server
 * (e2e/support/smtp-sink.ts, started beside the store by scripts/e2e-server.mjs), parsed with mailparser. Only for
 * the store the suite starts itself; against BASE_URL there is no such server and a spec that reads mail this way
 * says so and fails, never skips silently.
 */
export function smtpSinkDir(port = process.env.E2E_PORT ?? "3100"): string {
  return process.env.E2E_SMTP_DIR ?? join(tmpdir(), `kite-e2e-smtp-${port}`);
}

export async function sentMails(): Promise<ParsedMail[]> {
  if (process.env.BASE_URL) {
    throw new Error("Reading sent mail needs the suite's own SMTP server: run without BASE_URL.");
  }
  const dir = smtpSinkDir();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .sort();
  return Promise.all(files.map((f) => simpleParser(readFileSync(join(dir, f)))));
}

function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()));
}

/** Waits (the worker sends every few seconds) for the newest mail to `to` whose subject matches, and returns it. */
export async function waitForMail(
  { to, subject }: { to: string; subject: string | RegExp },
  timeout = 30_000,
): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect(async () => {
    const mails = (await sentMails()).filter(
      (m) =>
        recipients(m).includes(to.toLowerCase()) &&
        (typeof subject === "string" ? m.subject === subject : subject.test(m.subject ?? "")),
    );
    found = mails.at(-1);
    expect(found, `a mail to ${to} with subject ${subject}`).toBeDefined();
  }).toPass({ timeout });
  if (!found) throw new Error("unreachable");
  return found;
}
