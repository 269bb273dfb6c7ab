import type { Metadata } from "next";
import Link from "next/link";
import { buttonStyles, EmptyState, PageHeader } from "@/components/admin/ui";
import { listAuditEntries } from "@/lib/audit/log";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getRequestNow } from "@/lib/qa/now";
import { formatStoreDateTime, zoneLabel } from "@/lib/store-time";

export const metadata: Metadata = { title: "Audit log" };

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function entityHref(type: string, id: string): string | null {
  if (type === "sale" && id) return `/admin/sales/${id}`;
  if (type === "hero_day" && id) return `/admin/hero?day=${id}`;
  return null;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  await requireMarketerPage("/admin/audit");
  const { before } = await searchParams;
  const cursor = before && /^\d{1,15}$/.test(before) ? Number(before) : undefined;
  const tz = env.STORE_TIMEZONE;
  const now = await getRequestNow();
  const { rows, nextBefore } = await listAuditEntries(await getDb(), { before: cursor });
  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Every change made in the console: who, what and when (${zoneLabel(tz, now)}), newest first.`}
      />
      {rows.length === 0 ? (
        <EmptyState title={cursor ? "No older entries" : "No changes yet"}>
          Creating or editing a sale, featuring one, and scheduling the homepage hero are all recorded here.
        </EmptyState>
      ) : (
        <div className="relative overflow-x-auto rounded-xl border border-ink-200">
          <table className="w-full min-w-[48rem] text-left text-sm">
            <caption className="sr-only">Console changes, newest first</caption>
            <thead className="border-b border-ink-200 bg-ink-50 text-xs tracking-wide text-ink-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  When
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Who
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Change
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100 bg-white align-top">
              {rows.map((r) => {
                const href = entityHref(r.entityType, r.entityId);
                const changes = Object.entries(r.diff ?? {});
                return (
                  <tr key={r.id} data-testid="audit-row" data-action={r.action}>
                    <td className="px-4 py-3 whitespace-nowrap text-ink-700">
                      {formatStoreDateTime(r.createdAt, tz)}
                    </td>
                    <td className="px-4 py-3 text-ink-700">{r.actorEmail}</td>
                    <td className="px-4 py-3">
                      <p className="text-ink-900">
                        <code className="mr-2 rounded bg-ink-100 px-1.5 py-0.5 text-xs text-ink-700">
                          {r.action}
                        </code>
                        {href ? (
                          <Link href={href} className="hover:underline">
                            {r.summary}
                          </Link>
                        ) : (
                          r.summary
                        )}
                      </p>
                      {changes.length > 0 ? (
                        <details className="mt-1.5">
                          <summary className="cursor-pointer text-xs font-medium text-ink-600">
                            {changes.length} {changes.length === 1 ? "field" : "fields"}
                          </summary>
                          <table className="mt-2 w-full text-xs">
                            <caption className="sr-only">Fields changed</caption>
                            <thead className="text-ink-500">
                              <tr>
                                <th scope="col" className="py-1 pr-3 font-medium">
                                  Field
                                </th>
                                <th scope="col" className="py-1 pr-3 font-medium">
                                  Before
                                </th>
                                <th scope="col" className="py-1 font-medium">
                                  After
                                </th>
                              </tr>
                            </thead>
                            <tbody>
                              {changes.map(([field, change]) => (
                                <tr key={field}>
                                  <th scope="row" className="py-1 pr-3 font-normal text-ink-600">
                                    {field}
                                  </th>
                                  <td className="py-1 pr-3 break-all text-ink-700">{show(change.from)}</td>
                                  <td className="py-1 break-all text-ink-900">{show(change.to)}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </details>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore ? (
        <div className="mt-4">
          <Link href={`/admin/audit?before=${nextBefore}`} className={buttonStyles.secondary}>
            Older entries
          </Link>
        </div>
      ) : null}
    </>
  );
}
