import type { ReactNode } from "react";

/**
 * Label–value pairs as a two-column description list (a label column, then the value, which wraps). `className`
 * sets the label column's width and the gaps; the default sizes the labels to the longest one.
 */
export function DetailList({
  rows,
  className = "grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2",
}: {
  rows: readonly (readonly [label: string, value: ReactNode])[];
  className?: string;
}) {
  return (
    <dl className={`grid text-sm ${className}`}>
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-ink-500">{label}</dt>
          <dd className="min-w-0 break-words text-ink-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
