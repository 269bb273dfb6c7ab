"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin", label: "Overview", exact: true },
  { href: "/admin/sales", label: "Sales" },
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/products", label: "Products" },
  { href: "/admin/fcodes", label: "F-codes" },
  { href: "/admin/betas", label: "Betas" },
  { href: "/admin/points", label: "Points" },
  { href: "/admin/reviews", label: "Reviews" },
  { href: "/admin/hero", label: "Hero schedule" },
  { href: "/admin/inbox", label: "Inbox" },
  { href: "/admin/audit", label: "Audit log" },
] as const;

/** The console's own navigation: a column on wide screens, a scrolling row on phones. */
export function AdminNav({ marketer }: { marketer: { name: string; email: string } }) {
  const pathname = usePathname();
  return (
    <div className="lg:sticky lg:top-20">
      <p className="text-xs font-semibold tracking-wider text-ink-500 uppercase">Kite Console</p>
      <nav aria-label="Console" className="mt-2">
        <ul className="relative -mx-1 flex gap-1 overflow-x-auto pb-1 lg:flex-col lg:overflow-visible">
          {LINKS.map((link) => {
            const active =
              "exact" in link && link.exact
                ? pathname === link.href
                : pathname === link.href || pathname.startsWith(`${link.href}/`);
            return (
              <li key={link.href}>
                <Link
                  href={link.href}
                  aria-current={active ? "page" : undefined}
                  className={`block rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap ${
                    active ? "bg-ink-900 text-white" : "text-ink-700 hover:bg-ink-100 hover:text-ink-900"
                  }`}
                >
                  {link.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <p className="mt-4 hidden border-t border-ink-200 pt-4 text-xs text-ink-500 lg:block">
        Signed in as <span className="font-medium text-ink-700">{marketer.name}</span>
        <br />
        {marketer.email}
      </p>
    </div>
  );
}
