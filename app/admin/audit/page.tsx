import type { Metadata } from "next";
import { AuditFilterForm } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { EmptyState, ListPager, PageHeader } from "@/components/admin/ui";
import { ButtonLink } from "@/components/ui/button";
import { auditFilterHref, auditTimeRange, parseAuditFilters } from "@/lib/audit/filters";
import { listAuditActors, listAuditEntries } from "@/lib/audit/log";
import { AUDIT_KINDS } from "@/lib/audit/wording";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getRequestNow } from "@/lib/qa/now";
import { zoneLabel } from "@/lib/store-time";

export const metadata: Metadata = { title: "Audit log" };

const KIND_OPTIONS = Object.entries(AUDIT_KINDS).map(([value, kind]) => ({ value, label: kind.label }));

type AuditEntriesPage = Awaited<ReturnType<typeof listAuditEntries>>;

/** One page of entries, the empty state that fits the filters, and the links to newer and older pages. */
function AuditResults({
  page,
  active,
  before,
  shown,
  timeZone,
}: {
  page: AuditEntriesPage;
  active: boolean;
  before: number | undefined;
  shown: Partial<Record<"actor" | "kind" | "from" | "to", string>>;
  timeZone: string;
}) {
  return (
    <>
      <AuditTable
        rows={page.rows}
        timeZone={timeZone}
        empty={
          <EmptyState
            title={active ? "No changes match these filters" : before ? "No older entries" : "No changes yet"}
            action={
              active ? (
                <ButtonLink href="/admin/audit" variant="secondary" size="console">
                  Show every change
                </ButtonLink>
              ) : undefined
            }
          >
            {active
              ? "Try another marketer, kind of change or a wider range of days."
              : "Creating or editing a sale, featuring one, and scheduling the homepage hero are all recorded here."}
          </EmptyState>
        }
      />
      <ListPager
        noun="entries"
        label="Pages of the audit log"
        href={(b) => auditFilterHref(shown, b)}
        before={before}
        next={page.nextBefore}
      />
    </>
  );
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireMarketerPage("/admin/audit");
  const parsed = parseAuditFilters(await searchParams);
  const tz = env.STORE_TIMEZONE;
  const now = await getRequestNow();
  const db = await getDb();
  const filters = parsed.ok ? parsed.filters : null;
  const [actors, page] = await Promise.all([
    listAuditActors(db),
    filters
      ? listAuditEntries(db, {
          before: filters.before,
          actorId: filters.actor,
          action: filters.kind,
          ...auditTimeRange(filters, tz),
        })
      : null,
  ]);
  const values = parsed.ok ? { ...parsed.filters, before: undefined } : parsed.values;
  const shown = { actor: values.actor, kind: values.kind, from: values.from, to: values.to };
  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Every change made in the console: who, what and when (${zoneLabel(tz, now)}), newest first.`}
      />
      <AuditFilterForm
        values={Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, v ?? ""]))}
        errors={parsed.ok ? {} : parsed.fieldErrors}
        options={{ actors, kinds: KIND_OPTIONS }}
        zone={zoneLabel(tz, now)}
      />
      {!parsed.ok ? (
        <p
          role="alert"
          className="rounded-lg border border-accent-200 bg-accent-50 px-4 py-3 text-sm text-accent-800"
        >
          {parsed.message}
        </p>
      ) : page ? (
        <AuditResults
          page={page}
          active={parsed.active}
          before={filters?.before}
          shown={shown}
          timeZone={tz}
        />
      ) : null}
    </>
  );
}
