import type { ComponentProps, CSSProperties, ReactNode } from "react";

/** One column: its header and how to draw its cell for a row. */
export interface DataColumn<Row> {
  /** What the header says; with `hideHeader` only screen readers hear it (an "Actions" column). */
  header: ReactNode;
  hideHeader?: boolean;
  cell: (row: Row) => ReactNode;
  /** The row's name: drawn as `<th scope="row">`, so screen readers announce it with every other cell. */
  rowHeader?: boolean;
  /** Numbers: right-aligned, tabular figures. */
  numeric?: boolean;
  /** Extra classes for this column's cells (colour, wrapping, width). */
  className?: string;
}

type RowProps = ComponentProps<"tr"> & Record<`data-${string}`, string | undefined>;

/** `regular` for lists people scan; `snug` for long lists; `compact` for tables of numbers. */
export type DataTableDensity = "regular" | "snug" | "compact";

const DENSITY: Record<DataTableDensity, { head: string; cell: string }> = {
  regular: { head: "px-4 py-2.5", cell: "px-4 py-3" },
  snug: { head: "px-4 py-2.5", cell: "px-4 py-2.5" },
  compact: { head: "px-3 py-1.5", cell: "px-3 py-1" },
};

const SETS_WEIGHT = /\bfont-(medium|semibold|bold)\b/;

/**
 * The console's table: a caption for screen readers, a header row, one row per item, an empty state instead of
 * an empty table, and its own horizontal scroll. A wide table scrolls inside its frame and never widens the
 * page: at 360 px the page itself stays put (the frame's parents must let it shrink, with `min-w-0`).
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowProps,
  empty,
  minWidth,
  density = "regular",
  framed = true,
  maxHeight,
  tableProps,
  focusableScroll = false,
}: {
  caption: string;
  columns: DataColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  rowProps?: (row: Row) => RowProps;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  /** Below this width the table scrolls sideways inside its frame (e.g. "52rem"). */
  minWidth?: string;
  density?: DataTableDensity;
  /** A bordered, rounded frame with a tinted header; off inside a card that already frames it. */
  framed?: boolean;
  /** Scrolls vertically past this height, with the header kept in view (e.g. "16rem"). */
  maxHeight?: string;
  tableProps?: Omit<ComponentProps<"table">, "className" | "style" | "children">;
  /**
   * A table with nothing focusable in it (figures only) that may scroll sideways: its frame takes the keyboard
   * focus, as a region named by the caption, so keyboard users can scroll it too.
   */
  focusableScroll?: boolean;
}) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const pad = DENSITY[density];
  const wrapperStyle: CSSProperties | undefined = maxHeight ? { maxHeight } : undefined;
  return (
    <div
      className={`relative ${maxHeight ? "overflow-auto" : "overflow-x-auto"} ${framed ? "rounded-xl border border-ink-200" : ""}`}
      style={wrapperStyle}
      {...(focusableScroll ? { tabIndex: 0, role: "region", "aria-label": caption } : {})}
    >
      <table className="w-full text-left text-sm" style={minWidth ? { minWidth } : undefined} {...tableProps}>
        <caption className="sr-only">{caption}</caption>
        <thead
          className={`text-xs tracking-wide text-ink-500 uppercase ${framed ? "border-b border-ink-200 bg-ink-50" : ""} ${maxHeight ? "sticky top-0 bg-ink-50" : ""}`}
        >
          <tr>
            {columns.map((column, i) => (
              <th
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per table
                key={i}
                scope="col"
                className={`${pad.head} font-medium ${column.numeric ? "text-right" : ""}`}
              >
                {column.hideHeader ? <span className="sr-only">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={`divide-y divide-ink-100 ${framed ? "bg-white" : ""}`}>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((column, i) => {
                const className = [
                  pad.cell,
                  column.numeric ? "text-right tabular-nums" : "",
                  column.rowHeader && !SETS_WEIGHT.test(column.className ?? "") ? "font-normal" : "",
                  column.className ?? "",
                ]
                  .filter(Boolean)
                  .join(" ");
                return column.rowHeader ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per table
                  <th key={i} scope="row" className={className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per table
                  <td key={i} className={className}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
