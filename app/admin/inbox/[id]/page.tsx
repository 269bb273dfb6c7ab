import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { HistoryCard } from "@/components/admin/audit-table";
import { ContactStatusForm } from "@/components/admin/inbox";
import { ContactStatusBadge } from "@/components/admin/inbox-table";
import { Card, PageHeader } from "@/components/admin/ui";
import { DetailList } from "@/components/ui/detail-list";
import { TEXT_LINK_CLASS } from "@/components/ui/text-link";
import { listAuditEntries } from "@/lib/audit/log";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getContactMessage } from "@/lib/contact/messages";
import { contactTopicLabel } from "@/lib/contact/rules";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { formatStoreDateTime } from "@/lib/store-time";
import { setContactStatusAction } from "../actions";

export const metadata: Metadata = { title: "Message" };

type Props = { params: Promise<{ id: string }> };

export default async function InboxMessagePage({ params }: Props) {
  const { id } = await params;
  await requireMarketerPage(`/admin/inbox/${encodeURIComponent(id)}`);
  const db = await getDb();
  const message = await getContactMessage(db, { messageId: id });
  if (!message) notFound();
  const history = await listAuditEntries(db, {
    entity: { type: "contact_message", id: message.id },
    limit: 20,
  });
  const tz = env.STORE_TIMEZONE;
  const reply = `mailto:${encodeURIComponent(message.email)}?subject=${encodeURIComponent("Re: your message to Kite")}`;
  const details: [string, ReactNode][] = [
    ["From", message.name],
    [
      "Email",
      <a key="email" href={reply} className={`${TEXT_LINK_CLASS} break-all`}>
        {message.email}
      </a>,
    ],
    ["Topic", contactTopicLabel(message.topic)],
    ["Order", message.orderReference ?? "—"],
    ["Received", formatStoreDateTime(message.createdAt, tz)],
    ["Sent", message.userId ? "Signed in to a Kite account" : "Not signed in"],
  ];
  return (
    <>
      <PageHeader
        parent={{ href: "/admin/inbox", label: "Inbox" }}
        title={`Message from ${message.name}`}
        description={<ContactStatusBadge status={message.status} />}
      />
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card title="Message" titleId="message-body">
          <p
            className="leading-relaxed break-words whitespace-pre-wrap text-ink-900"
            data-testid="contact-message"
          >
            {message.message}
          </p>
        </Card>
        <div className="space-y-6">
          <Card title="Details" titleId="message-details">
            <DetailList rows={details} className="grid-cols-[4.5rem_minmax(0,1fr)] gap-x-3 gap-y-2" />
          </Card>
          <Card title="Status" titleId="message-status">
            <p className="mb-3 text-sm text-ink-600">
              Answer by email, then mark it answered. Close it when nothing more is needed.
            </p>
            <ContactStatusForm
              action={setContactStatusAction}
              messageId={message.id}
              status={message.status}
            />
          </Card>
          {history.rows.length ? (
            <HistoryCard
              rows={history.rows}
              timeZone={tz}
              titleId="message-history"
              listClassName="space-y-2 text-sm"
            />
          ) : null}
        </div>
      </div>
    </>
  );
}
