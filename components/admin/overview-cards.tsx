import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import type { AuditRow } from "@/lib/audit/log";
import type { HeroPreview } from "@/lib/hero/preview";
import type { ConsoleSaleRow } from "@/lib/sales/console-queries";
import { formatStoreDateTime, formatStoreDay } from "@/lib/store-time";
import { AuditList } from "./audit-table";
import { Card, EmptyState, SaleStateBadge } from "./ui";

const number = new Intl.NumberFormat("en-US");

/** A card's link to the page that holds all of it (the schedule, the audit log). */
function CardLink({ href, children }: { href: string; children: string }) {
  return (
    <Link href={href} className="text-sm font-medium text-accent-700 hover:underline">
      {children}
    </Link>
  );
}

export function RunningSalesCard({
  running,
  next,
  timeZone,
}: {
  running: ConsoleSaleRow[];
  next: ConsoleSaleRow | undefined;
  timeZone: string;
}) {
  return (
    <Card title="Running now" titleId="running">
      {running.length === 0 ? (
        <EmptyState title="No sale is running">
          {next ? `Next: “${next.name}”, ${formatStoreDateTime(next.startsAt, timeZone)}.` : null}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-ink-100">
          {running.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="min-w-0">
                <p className="font-medium text-ink-900">{s.name}</p>
                <p className="text-sm text-ink-600">
                  {number.format(s.sold)} sold · {number.format(s.held)} held · {number.format(s.remaining)}{" "}
                  left
                </p>
              </div>
              <div className="flex items-center gap-3">
                <SaleStateBadge state={s.state} />
                <ButtonLink href={`/admin/sales/${s.id}/live`} variant="secondary" size="console">
                  Watch live
                </ButtonLink>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function ComingUpCard({ coming, timeZone }: { coming: ConsoleSaleRow[]; timeZone: string }) {
  return (
    <Card title="Coming up" titleId="coming">
      {coming.length === 0 ? (
        <EmptyState
          title="Nothing scheduled"
          action={
            <ButtonLink href="/admin/sales/new" size="console">
              Create a sale
            </ButtonLink>
          }
        >
          Schedule the next flash sale so fans can register.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-ink-100">
          {coming.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="min-w-0">
                <Link href={`/admin/sales/${s.id}`} className="font-medium text-ink-900 hover:underline">
                  {s.name}
                </Link>
                <p className="text-sm text-ink-600">
                  Starts {formatStoreDateTime(s.startsAt, timeZone)} · {number.format(s.registrations)}{" "}
                  registered
                </p>
              </div>
              <SaleStateBadge state={s.state} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function heroLine(p: HeroPreview): string {
  return p.entry?.headline ?? p.sale?.name ?? (p.productSlug ? `Product: ${p.productSlug}` : "Nothing");
}

/** What the homepage hero shows today and tomorrow, and which sale is featured. */
export function HeroSummaryCard({
  days,
  featured,
}: {
  days: { label: string; day: string; preview: HeroPreview }[];
  featured: ConsoleSaleRow | undefined;
}) {
  return (
    <Card title="Homepage hero" titleId="hero" actions={<CardLink href="/admin/hero">Schedule</CardLink>}>
      <dl className="space-y-4 text-sm">
        {days.map(({ label, day, preview }) => (
          <div key={label}>
            <dt className="font-medium text-ink-900">
              {label}, {formatStoreDay(day)}
            </dt>
            <dd className="text-ink-700">{heroLine(preview)}</dd>
            <dd className="text-ink-500">{preview.explanation}</dd>
          </div>
        ))}
        <div>
          <dt className="font-medium text-ink-900">Featured sale</dt>
          <dd className="text-ink-700">{featured ? featured.name : "None"}</dd>
        </div>
      </dl>
    </Card>
  );
}

export function RecentChangesCard({ rows, timeZone }: { rows: AuditRow[]; timeZone: string }) {
  return (
    <Card
      title="Recent changes"
      titleId="recent"
      actions={<CardLink href="/admin/audit">Audit log</CardLink>}
    >
      {rows.length === 0 ? (
        <EmptyState title="No changes yet">Every change made in the console is listed here.</EmptyState>
      ) : (
        <AuditList rows={rows} timeZone={timeZone} className="divide-y divide-ink-100 text-sm" />
      )}
    </Card>
  );
}
