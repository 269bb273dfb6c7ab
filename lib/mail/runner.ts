import "server-only";
import { getDb } from "@/lib/db";
import { devMailboxEnabled, env } from "@/lib/env";
import { enqueueDueSaleReminders } from "@/lib/sales/reminders";
import { createSmtpTransport, type MailTransport } from "./transport";
import { type MailRunResult, sendDueMails } from "./worker";

const globalForMail = globalThis as unknown as {
  __kiteMailTransport?: MailTransport;
  __kiteMailTimer?: NodeJS.Timeout;
};

function getTransport(url: string): MailTransport {
  globalForMail.__kiteMailTransport ??= createSmtpTransport(url);
  return globalForMail.__kiteMailTransport;
}

/**
 * Sends what is due, a batch at a time, until the outbox has nothing due or `budgetMs` is spent (a cron call
 * answers within it). Without SMTP_URL it sends nothing: the mails wait in the outbox (the dev mailbox shows them).
 */
export async function runMailWorker({
  now,
  budgetMs = 20_000,
}: {
  now: Date;
  budgetMs?: number;
}): Promise<MailRunResult & { smtp: boolean }> {
  const total = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  const db = await getDb();
  // Sale reminders due now join the outbox a paced batch at a time (lib/sales/reminders.ts), with or without SMTP.
  await enqueueDueSaleReminders(db, {
    now,
    pace: { ratePerSecond: env.MAIL_RATE_PER_SECOND, maxBatch: 1000 },
  });
  if (!env.SMTP_URL) return { ...total, smtp: false };
  const transport = getTransport(env.SMTP_URL);
  const started = Date.now();
  const batch = 20;
  for (;;) {
    // The clock moves on while a batch is sent: each batch claims at its own time.
    const at = new Date(now.getTime() + (Date.now() - started));
    const run = await sendDueMails(db, { transport, from: env.MAIL_FROM, now: at, limit: batch });
    total.claimed += run.claimed;
    total.sent += run.sent;
    total.retrying += run.retrying;
    total.failed += run.failed;
    if (run.claimed < batch || Date.now() - started > budgetMs) return { ...total, smtp: true };
  }
}

/** What a server should say at start about mail: where it goes, or that it goes nowhere. */
export function mailStartupWarnings(): string[] {
  if (env.SMTP_URL) {
    return process.env.MAIL_FROM || devMailboxEnabled
      ? []
      : [`[mail] MAIL_FROM is not set: mails go out from the placeholder ${env.MAIL_FROM}.`];
  }
  if (devMailboxEnabled) return [];
  return [
    "[mail] SMTP_URL is not set: order confirmations, refunds and every other mail are written to the outbox but " +
      "NOT SENT. Set SMTP_URL (smtp://user:pass@host:587) and restart; queued mails then go out.",
  ];
}

/**
 * The in-process worker: every `intervalMs` (0: off), when SMTP_URL is set. Runs never overlap within a process; across
 * instances SKIP LOCKED keeps each mail with one worker. /api/cron/send-mail does the same on a schedule.
 */
export function startMailWorker(intervalMs = 5_000): void {
  for (const warning of mailStartupWarnings()) console.warn(warning);
  if (!env.SMTP_URL || intervalMs <= 0 || globalForMail.__kiteMailTimer) return;
  let running = false;
  globalForMail.__kiteMailTimer = setInterval(() => {
    if (running) return;
    running = true;
    runMailWorker({ now: new Date() })
      .catch((error: unknown) => console.error("[mail] worker run failed", error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  globalForMail.__kiteMailTimer.unref();
}
