import Link from "next/link";
import { type ComponentProps, Fragment, type ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";

/**
 * The console's page pieces: white surfaces, ink neutrals, the accent only for primary actions. Buttons, fields
 * and tables are the shared primitives in components/ui/.
 */

/** The console's text links ("Edit", "Audit log"): accent text, underlined on hover. */
export const LINK_CLASS = "font-medium text-accent-700 underline-offset-2 hover:underline";

/** A list's filters as pill links (a page per filter, so it can be bookmarked and shared). */
export function FilterNav({
  label,
  items,
}: {
  label: string;
  items: readonly { href: string; label: string; current: boolean }[];
}) {
  return (
    <nav aria-label={label} className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.current ? "page" : undefined}
              className={`block rounded-full border px-3 py-1 text-sm font-medium ${
                item.current
                  ? "border-ink-900 bg-ink-900 text-white"
                  : "border-ink-300 text-ink-700 hover:border-ink-500"
              }`}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A newest-first list's paging links under its table, for lists paged by "before this one": "Newest …" back to the
 * first page when this one is a later page (`before` is set) and "Older …" when there are more (`next`). `href`
 * makes a page's address from its cursor (none for the first). Nothing when there is neither link.
 */
export function ListPager<Cursor extends string | number>({
  noun,
  label = `Pages of ${noun}`,
  href,
  before,
  next,
}: {
  /** The list's items, plural: "orders" → "Newest orders", "Older orders", and the nav's name "Pages of orders". */
  noun: string;
  /** The nav's name, when "Pages of <noun>" does not say it. */
  label?: string;
  href: (before?: Cursor) => string;
  before?: Cursor;
  next: Cursor | null;
}) {
  if (before === undefined && next === null) return null;
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap gap-2">
      {before !== undefined ? (
        <ButtonLink href={href()} variant="secondary" size="console">
          Newest {noun}
        </ButtonLink>
      ) : null}
      {next !== null ? (
        <ButtonLink href={href(next)} variant="secondary" size="console">
          Older {noun}
        </ButtonLink>
      ) : null}
    </nav>
  );
}

export function PageHeader({
  title,
  description,
  actions,
  parent,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** The page one level up ("Sales"), linked above the title. */
  parent?: { href: string; label: string };
}) {
  return (
    <div className="mb-6 flex flex-col gap-4 border-b border-ink-200 pb-5 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        {parent ? (
          <div className="mb-1 text-sm text-ink-500">
            <Link href={parent.href} className="hover:underline">
              {parent.label}
            </Link>
          </div>
        ) : null}
        <h1 className="text-2xl font-semibold tracking-tight text-ink-900">{title}</h1>
        {description ? <div className="mt-1 max-w-3xl text-sm text-ink-600">{description}</div> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

export function Card({
  title,
  titleId,
  actions,
  children,
  className = "",
  as: Tag = "section",
}: {
  title?: string;
  titleId?: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  as?: "section" | "div";
}) {
  return (
    <Tag
      aria-labelledby={title && titleId ? titleId : undefined}
      className={`rounded-xl border border-ink-200 bg-white shadow-[0_1px_2px_rgba(0,0,0,0.04)] ${className}`}
    >
      {title ? (
        <div className="flex items-center justify-between gap-3 border-b border-ink-100 px-5 py-3">
          <h2 id={titleId} className="text-base font-semibold text-ink-900">
            {title}
          </h2>
          {actions}
        </div>
      ) : null}
      <div className="p-5">{children}</div>
    </Tag>
  );
}

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="rounded-xl border border-dashed border-ink-300 bg-ink-50 px-6 py-10 text-center">
      <p className="font-semibold text-ink-800">{title}</p>
      {children ? <div className="mx-auto mt-1 max-w-md text-sm text-ink-600">{children}</div> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}

const stateStyles = {
  live: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  sold_out: "bg-ink-900 text-white ring-ink-900",
  registration_open: "bg-sky-50 text-sky-800 ring-sky-600/20",
  upcoming: "bg-amber-50 text-amber-800 ring-amber-600/20",
  draft: "bg-white text-ink-600 ring-ink-300 ring-dashed",
  ended: "bg-ink-100 text-ink-600 ring-ink-200",
} as const;

const stateLabels = {
  live: "Live",
  sold_out: "Sold out",
  registration_open: "Registration open",
  upcoming: "Upcoming",
  draft: "Draft",
  ended: "Ended",
} as const;

export type ConsoleState = keyof typeof stateStyles;

export function SaleStateBadge({ state }: { state: ConsoleState }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset ${stateStyles[state]}`}
      data-testid="sale-state"
      data-state={state}
    >
      {state === "live" ? (
        <span className="h-1.5 w-1.5 rounded-full bg-emerald-500" aria-hidden="true" />
      ) : null}
      {stateLabels[state]}
    </span>
  );
}

export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link className={className ? `${LINK_CLASS} ${className}` : LINK_CLASS} {...props} />;
}

/** A row's links ("Edit | Live"), divided by a bar that screen readers skip. */
export function RowLinks({ children }: { children: ReactNode[] }) {
  return children.map((link, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the links are fixed per row
    <Fragment key={i}>
      {i > 0 ? (
        <span className="mx-2 text-ink-300" aria-hidden="true">
          |
        </span>
      ) : null}
      {link}
    </Fragment>
  ));
}

/** A success note at the top of a page after a redirect ("Sale created."). */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p
      role="status"
      className="mb-6 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800"
    >
      {children}
    </p>
  );
}

export interface StatProps {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  testId?: string;
}

export function Stat({ label, value, detail, testId }: StatProps) {
  return (
    <div className="rounded-xl border border-ink-200 bg-white px-4 py-3">
      <dt className="text-xs font-medium tracking-wide text-ink-500 uppercase">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-ink-900 tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {detail ? <dd className="mt-0.5 text-xs text-ink-500">{detail}</dd> : null}
    </div>
  );
}
