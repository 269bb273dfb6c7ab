import { DataTable } from "@/components/ui/data-table";
import { ProductImage } from "@/components/ui/product-image";
import type { CalendarEntry } from "@/lib/hero/schedule";
import { formatStoreDay } from "@/lib/store-time";
import { RowLinks, TextLink } from "./ui";

interface CalendarDay {
  day: string;
  entry: CalendarEntry | undefined;
}

function HeroCell({ entry }: { entry: CalendarEntry | undefined }) {
  if (!entry) return <span className="text-ink-500">No entry: running or next sale</span>;
  return (
    <div className="flex items-center gap-3">
      <ProductImage
        src={entry.imageUrl}
        size={36}
        className="h-9 w-9 rounded border border-ink-200 object-contain"
      />
      <div className="min-w-0">
        <p className="truncate font-medium text-ink-900">{entry.headline}</p>
        <p className="truncate text-xs text-ink-500">
          {entry.saleName ? `Sale: ${entry.saleName}` : `Product: ${entry.productName ?? "removed"}`} ·{" "}
          {entry.ctaLabel}
        </p>
      </div>
    </div>
  );
}

/** The next store days, one row each: its hero (or the fallback), with links to edit and preview it. */
export function HeroCalendar({
  days,
  today,
  selected,
}: {
  days: CalendarDay[];
  today: string;
  selected: string;
}) {
  return (
    <DataTable
      caption="Homepage hero for each store day"
      minWidth="30rem"
      density="snug"
      rows={days}
      rowKey={(d) => d.day}
      rowProps={({ day }) => ({
        className: day === selected ? "bg-accent-50/60" : undefined,
        "aria-current": day === selected ? "date" : undefined,
        "data-testid": "calendar-day",
        "data-day": day,
      })}
      columns={[
        {
          header: "Day",
          rowHeader: true,
          className: "font-medium whitespace-nowrap text-ink-900",
          cell: ({ day }) => (
            <>
              {formatStoreDay(day)}
              {day === today ? <span className="ml-2 text-xs font-normal text-ink-500">today</span> : null}
            </>
          ),
        },
        { header: "Hero", cell: ({ entry }) => <HeroCell entry={entry} /> },
        {
          header: "Actions",
          hideHeader: true,
          className: "text-right whitespace-nowrap",
          cell: ({ day, entry }) => (
            <RowLinks>
              {[
                <TextLink
                  key="edit"
                  href={`/admin/hero?day=${day}`}
                  aria-label={`${entry ? "Edit" : "Add"} the hero of ${formatStoreDay(day)}`}
                >
                  {entry ? "Edit" : "Add"}
                </TextLink>,
                <TextLink
                  key="preview"
                  href={`/admin/hero/preview?at=${day}T12:00`}
                  aria-label={`Preview ${formatStoreDay(day)}`}
                >
                  Preview
                </TextLink>,
              ]}
            </RowLinks>
          ),
        },
      ]}
    />
  );
}
