import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import type { ConsoleSaleRow } from "@/lib/sales/console-queries";
import { formatStoreDateTime } from "@/lib/store-time";
import { EmptyState, RowLinks, SaleStateBadge, TextLink } from "./ui";

const number = new Intl.NumberFormat("en-US");

/** Every sale, one row each: name and address, state, start, sales so far, registrations, and its links. */
export function SalesTable({ sales, timeZone }: { sales: ConsoleSaleRow[]; timeZone: string }) {
  return (
    <DataTable
      caption="All sales"
      minWidth="52rem"
      rows={sales}
      rowKey={(s) => s.id}
      rowProps={(s) => ({ "data-testid": "sale-row", "data-slug": s.slug })}
      empty={
        <EmptyState
          title="No sales yet"
          action={
            <ButtonLink href="/admin/sales/new" size="console">
              Create the first sale
            </ButtonLink>
          }
        >
          A flash sale puts a limited batch of one product on sale to fans who registered, between two times.
        </EmptyState>
      }
      columns={[
        {
          header: "Sale",
          rowHeader: true,
          cell: (s) => (
            <>
              <Link href={`/admin/sales/${s.id}`} className="font-medium text-ink-900 hover:underline">
                {s.name}
              </Link>
              {s.featured && s.state !== "ended" ? (
                <span className="ml-2 rounded bg-accent-50 px-1.5 py-0.5 text-xs font-semibold text-accent-700">
                  Featured
                </span>
              ) : null}
              <span className="block text-xs text-ink-500">
                {s.productName} · /sales/{s.slug}
              </span>
            </>
          ),
        },
        { header: "State", cell: (s) => <SaleStateBadge state={s.state} /> },
        {
          header: "Starts",
          className: "whitespace-nowrap text-ink-700",
          cell: (s) => formatStoreDateTime(s.startsAt, timeZone),
        },
        {
          header: "Sold / units",
          numeric: true,
          className: "text-ink-700",
          cell: (s) => `${number.format(s.sold)} / ${number.format(s.totalQuantity)}`,
        },
        {
          header: "Registered",
          numeric: true,
          className: "text-ink-700",
          cell: (s) => number.format(s.registrations),
        },
        {
          header: "Actions",
          hideHeader: true,
          className: "text-right whitespace-nowrap",
          cell: (s) => (
            <RowLinks>
              {[
                <TextLink key="edit" href={`/admin/sales/${s.id}`}>
                  Edit<span className="sr-only"> {s.name}</span>
                </TextLink>,
                <TextLink key="live" href={`/admin/sales/${s.id}/live`}>
                  Live<span className="sr-only"> figures of {s.name}</span>
                </TextLink>,
              ]}
            </RowLinks>
          ),
        },
      ]}
    />
  );
}
