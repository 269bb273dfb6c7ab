import Link from "next/link";

/**
 * The account's sections, as cards on its home page. Fans features (points, VIP tier, beta programme) add their
 * entry here when they exist; nothing is listed before it works.
 */
export const ACCOUNT_SECTIONS = [
  { href: "/account#orders-title", title: "Orders", blurb: "What you bought, its delivery and receipts" },
  { href: "/account/addresses", title: "Addresses", blurb: "Where your orders are delivered" },
  { href: "/account/points", title: "Points & tier", blurb: "Your Kite Club points, tier and referrals" },
  { href: "/account/betas", title: "Beta programme", blurb: "Apply to test new gadgets before launch" },
  { href: "/account/settings", title: "Settings", blurb: "Your name, email and password" },
] as const;

export function AccountNav() {
  return (
    <nav aria-label="Your account" className="mt-8">
      <ul className="grid gap-3 sm:grid-cols-2">
        {ACCOUNT_SECTIONS.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              className="block h-full rounded-2xl border border-ink-100 p-4 hover:border-accent-200 hover:bg-accent-50"
            >
              <span className="block font-semibold text-ink-900">{section.title}</span>
              <span className="mt-0.5 block text-sm text-ink-600">{section.blurb}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
