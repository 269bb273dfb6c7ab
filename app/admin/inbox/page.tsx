import type { Metadata } from "next";
import Link from "next/link";
import { InboxTable } from "@/components/admin/inbox-table";
import { EmptyState, ListPager, PageHeader } from "@/components/admin/ui";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { countContactMessages, listContactMessages } from "@/lib/contact/messages";
import {
  CONTACT_STATUSES,
  CONTACT_TOPICS,
  type ContactStatus,
  type ContactTopic,
  isContactStatus,
  isContactTopic,
} from "@/lib/contact/rules";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/ids";
import { getRequestNow } from "@/lib/qa/now";
import { zoneLabel } from "@/lib/store-time";

export const metadata: Metadata = { title: "Inbox" };

type Search = { status?: string; topic?: string; before?: string };

interface Filters {
  status?: ContactStatus;
  topic?: ContactTopic;
}

function inboxHref({ status, topic }: Filters, before?: string): string {
  const query = new URLSearchParams();
  if (status) query.set("status", status);
  if (topic) query.set("topic", topic);
  if (before) query.set("before", before);
  const qs = query.toString();
  return qs ? `/admin/inbox?${qs}` : "/admin/inbox";
}

export default async function InboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireMarketerPage("/admin/inbox");
  const search = await searchParams;
  const filters: Filters = {
    ...(isContactStatus(search.status) ? { status: search.status } : {}),
    ...(isContactTopic(search.topic) ? { topic: search.topic } : {}),
  };
  const before = isUuid(search.before) ? search.before : undefined;
  const db = await getDb();
  const [{ rows, nextBefore }, counts] = await Promise.all([
    listContactMessages(db, { ...filters, before }),
    countContactMessages(db),
  ]);
  const tz = env.STORE_TIMEZONE;
  const now = await getRequestNow();
  return (
    <>
      <PageHeader
        title="Inbox"
        description={`Messages sent through the contact form, newest first. Answer by email, then mark them answered. Times in ${zoneLabel(tz, now)}.`}
      />
      <InboxFilters filters={filters} counts={counts} />
      <InboxTable
        rows={rows}
        timeZone={tz}
        empty={
          <EmptyState title={before ? "No older messages" : "No messages here"}>
            {filters.status || filters.topic
              ? "Nothing matches this filter. Try another status or topic."
              : "Messages sent from the contact page (Help → Contact us) arrive here."}
          </EmptyState>
        }
      />
      <ListPager noun="messages" href={(b) => inboxHref(filters, b)} next={nextBefore} />
    </>
  );
}

/** Status tabs with their counts (how many new: the unread count), and the topic. */
function InboxFilters({ filters, counts }: { filters: Filters; counts: Record<ContactStatus, number> }) {
  const total = counts.new + counts.answered + counts.closed;
  return (
    <div className="mb-4 flex flex-col gap-4 lg:flex-row lg:items-end lg:justify-between">
      <nav aria-label="Filter by status">
        <ul className="flex flex-wrap gap-2 text-sm">
          {[
            { value: undefined, label: "All", n: total },
            ...CONTACT_STATUSES.map((s) => ({ ...s, n: counts[s.value] })),
          ].map((s) => (
            <li key={s.label}>
              <Link
                href={inboxHref({ ...filters, status: s.value })}
                aria-current={filters.status === s.value ? "page" : undefined}
                className="inline-flex items-center gap-1.5 rounded-full border border-ink-200 px-3 py-1 font-medium text-ink-700 hover:border-ink-500 aria-[current=page]:border-ink-900 aria-[current=page]:bg-ink-900 aria-[current=page]:text-white"
              >
                {s.label}{" "}
                <span className="tabular-nums" data-testid={`inbox-count-${s.value ?? "all"}`}>
                  {s.n}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/admin/inbox" className="flex items-end gap-2">
        {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
        <div className="w-48">
          <SelectField label="Topic" name="topic" defaultValue={filters.topic ?? ""} options={CONTACT_TOPICS}>
            <option value="">All topics</option>
          </SelectField>
        </div>
        <Button type="submit" variant="secondary" size="console">
          Show
        </Button>
      </form>
    </div>
  );
}
