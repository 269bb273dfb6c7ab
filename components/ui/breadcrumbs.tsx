import Link from "next/link";
import { Fragment } from "react";

export interface Crumb {
  label: string;
  /** Absent on the last crumb: the page itself. */
  href?: string;
}

/** "Home › Phones › Kite 9 Pro": each step a link, the last one the current page. */
export function Breadcrumbs({ trail }: { trail: readonly Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="py-4 text-sm">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-ink-600">
        {trail.map((crumb, i) => (
          <Fragment key={crumb.label}>
            {i > 0 ? (
              <li aria-hidden="true" className="text-ink-400">
                ›
              </li>
            ) : null}
            <li>
              {crumb.href ? (
                <Link href={crumb.href} className="hover:text-ink-900 hover:underline">
                  {crumb.label}
                </Link>
              ) : (
                <span aria-current="page" className="font-medium text-ink-900">
                  {crumb.label}
                </span>
              )}
            </li>
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}
