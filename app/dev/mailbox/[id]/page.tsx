import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PageHeader } from "@/components/admin/ui";
import { MailView } from "@/components/dev/mailbox";
import { getDb } from "@/lib/db";
import { devMailboxEnabled, env } from "@/lib/env";
import { getOutboxMail } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Mail (development) · Kite", robots: { index: false } };

/** One mail of the outbox, HTML and plain text. Development and tests only, like the list. */
export default async function DevMailPage({ params }: { params: Promise<{ id: string }> }) {
  // Rendered per request, never at build time (where the environment is the build's, not the server's).
  await connection();
  if (!devMailboxEnabled) notFound();
  const { id } = await params;
  if (!/^\d{1,15}$/.test(id)) notFound();
  const mail = await getOutboxMail(await getDb(), { id: Number(id) });
  if (!mail) notFound();
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <PageHeader title={mail.subject} parent={{ href: "/dev/mailbox", label: "Mailbox" }} />
      <MailView mail={mail} from={env.MAIL_FROM} timeZone={env.STORE_TIMEZONE} />
    </div>
  );
}
