import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyState, LINK_CLASS } from "@/components/admin/ui";
import { DataTable } from "@/components/ui/data-table";
import { DetailList } from "@/components/ui/detail-list";
import type { MailboxEntry, OutboxMail, OutboxMailStatus } from "@/lib/mail/outbox";
import { formatStoreDateTime } from "@/lib/store-time";

const STATUS_STYLE: Record<OutboxMailStatus, string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-600/20",
  sent: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  failed: "bg-accent-50 text-accent-800 ring-accent-600/20",
};

const STATUS_LABEL: Record<OutboxMailStatus, string> = {
  pending: "In the outbox",
  sent: "Sent",
  failed: "Failed",
};

export function MailStatusBadge({ status }: { status: OutboxMailStatus }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset ${STATUS_STYLE[status]}`}
    >
      {STATUS_LABEL[status]}
    </span>
  );
}

export function MailboxTable({ rows, timeZone }: { rows: readonly MailboxEntry[]; timeZone: string }) {
  return (
    <DataTable
      caption="Mails in the outbox, newest first"
      rows={rows}
      rowKey={(r) => r.id}
      minWidth="40rem"
      density="snug"
      empty={
        <EmptyState title="No mail yet">
          Sign up, pay for an order or get a refund: the store writes each mail here in the same transaction.
        </EmptyState>
      }
      columns={[
        {
          header: "Subject",
          rowHeader: true,
          cell: (r) => (
            <>
              <Link href={`/dev/mailbox/${r.id}`} className={LINK_CLASS}>
                {r.subject}
              </Link>
              <span className="block text-ink-500">To {r.recipient}</span>
            </>
          ),
        },
        { header: "Kind", cell: (r) => r.kind.replace("_", " "), className: "whitespace-nowrap" },
        {
          header: "Written",
          cell: (r) => formatStoreDateTime(r.createdAt, timeZone),
          className: "whitespace-nowrap",
        },
        { header: "Status", cell: (r) => <MailStatusBadge status={r.status} /> },
      ]}
    />
  );
}

const URL_IN_TEXT = /(https?:\/\/[^\s<>"]+)/g;

/** Plain text as the mail reader shows it, with its links clickable (a password-reset link, an order page). */
function LinkedText({ text }: { text: string }): ReactNode {
  return text.split(URL_IN_TEXT).map((part, i) =>
    i % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text
      <a key={i} href={part} className={`${LINK_CLASS} break-all`}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}

/**
 * One mail: its envelope, the HTML as a mail client draws it (in a sandboxed frame: no scripts, no navigation,
 * and the page's own policy still applies inside), and the plain-text part.
 */
export function MailView({ mail, from, timeZone }: { mail: OutboxMail; from: string; timeZone: string }) {
  const facts: [string, ReactNode][] = [
    ["From", from],
    ["To", mail.recipient],
    ["Written", formatStoreDateTime(mail.createdAt, timeZone)],
    ["Status", <MailStatusBadge key="status" status={mail.status} />],
    ["Attempts", mail.attempts],
  ];
  if (mail.sentAt) facts.push(["Sent", formatStoreDateTime(mail.sentAt, timeZone)]);
  if (mail.status === "pending" && mail.attempts > 0) {
    facts.push(["Next try", formatStoreDateTime(mail.nextAttemptAt, timeZone)]);
  }
  if (mail.lastError) facts.push(["Last error", mail.lastError]);
  return (
    <div className="space-y-6">
      <DetailList rows={facts} className="grid-cols-[6rem_minmax(0,1fr)] gap-x-4 gap-y-1.5" />
      <section aria-labelledby="mail-html">
        <h2 id="mail-html" className="mb-2 text-sm font-semibold text-ink-700">
          HTML
        </h2>
        <iframe
          title={`HTML of “${mail.subject}”`}
          srcDoc={mail.html}
          sandbox=""
          className="h-[36rem] w-full rounded-xl border border-ink-200 bg-white"
        />
      </section>
      <section aria-labelledby="mail-text">
        <h2 id="mail-text" className="mb-2 text-sm font-semibold text-ink-700">
          Plain text
        </h2>
        <pre className="overflow-x-auto rounded-xl border border-ink-200 bg-ink-50 p-4 text-sm leading-relaxed whitespace-pre-wrap">
          <LinkedText text={mail.text} />
        </pre>
      </section>
    </div>
  );
}
