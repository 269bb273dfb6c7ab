import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PageHeader } from "@/components/admin/ui";
import { MailboxTable } from "@/components/dev/mailbox";
import { ButtonLink } from "@/components/ui/button";
import { getDb } from "@/lib/db";
import { devMailboxEnabled, env } from "@/lib/env";
import { countOutboxMail, listOutboxMail } from "@/lib/mail/outbox";
import { zoneLabel } from "@/lib/store-time";

export const metadata: Metadata = { title: "Mailbox (development) · Kite", robots: { index: false } };

/**
 * Every mail the store wrote to its outbox, for a developer without an SMTP server. It authorises by where it runs:
 * development and tests only (lib/env.ts `devMailboxEnabled`); on staging and production it does not exist.
 */
export default async function DevMailboxPage({
  searchParams,
}: {
  searchParams: Promise<{ before?: string }>;
}) {
  // Rendered per request, never at build time (where the environment is the build's, not the server's).
  await connection();
  if (!devMailboxEnabled) notFound();
  const { before } = await searchParams;
  const cursor = before && /^\d{1,15}$/.test(before) ? Number(before) : undefined;
  const db = await getDb();
  const [{ rows, nextBefore }, counts] = await Promise.all([
    listOutboxMail(db, { before: cursor }),
    countOutboxMail(db),
  ]);
  const tz = env.STORE_TIMEZONE;
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <PageHeader
        title="Mailbox"
        description={
          <>
            <p>
              Development only: the store&apos;s outbox, newest first ({counts.pending} waiting, {counts.sent}{" "}
              sent, {counts.failed} failed). Times in {zoneLabel(tz)}.
            </p>
            <p className="mt-1">
              {env.SMTP_URL
                ? "SMTP_URL is set: the worker sends these through it; here you see what it sent."
                : "SMTP_URL is not set, so nothing is sent: each mail stays here, to read as the customer would."}
            </p>
          </>
        }
      />
      <MailboxTable rows={rows} timeZone={tz} />
      {nextBefore ? (
        <div className="mt-4">
          <ButtonLink href={`/dev/mailbox?before=${nextBefore}`} variant="secondary" size="console">
            Older mail
          </ButtonLink>
        </div>
      ) : null}
    </div>
  );
}
