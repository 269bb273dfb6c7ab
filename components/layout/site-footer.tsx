import Link from "next/link";
import { HELP_PATH, HELP_TOPICS, type HelpTopicSlug, helpTopicPath } from "@/lib/help/topics";
import { KiteLogo } from "./logo";

const topicLink = (slug: HelpTopicSlug) => ({
  href: helpTopicPath(slug),
  label: HELP_TOPICS.find((t) => t.slug === slug)?.label ?? slug,
});

const POLICY_SLUGS: readonly HelpTopicSlug[] = ["privacy", "terms"];
const KITE_SLUGS: readonly HelpTopicSlug[] = ["about"];
const HELP_LINKS = [
  { href: HELP_PATH, label: "Help centre" },
  ...HELP_TOPICS.filter((t) => !POLICY_SLUGS.includes(t.slug) && !KITE_SLUGS.includes(t.slug)).map((t) =>
    topicLink(t.slug),
  ),
];
const KITE_LINKS = [
  ...KITE_SLUGS.map(topicLink),
  { href: "/club", label: "Kite Club: points & tiers" },
  { href: "/account", label: "Account & orders" },
  { href: "/cart", label: "Cart" },
];
const POLICY_LINKS = POLICY_SLUGS.map(topicLink);

type FooterLink = { href: string; label: string };

function LinkList({
  links,
  className,
  linkClassName,
}: {
  links: readonly FooterLink[];
  className: string;
  linkClassName: string;
}) {
  return (
    <ul className={className}>
      {links.map((l) => (
        <li key={l.href}>
          <Link href={l.href} className={linkClassName}>
            {l.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function FooterLinks({ title, links }: { title: string; links: readonly FooterLink[] }) {
  return (
    <nav aria-label={title}>
      <h2 className="mb-2 font-semibold text-ink-900">{title}</h2>
      <LinkList links={links} className="space-y-1" linkClassName="hover:text-ink-900 hover:underline" />
    </nav>
  );
}

/**
 * The same for every visitor, like the pages it closes. Every category (the cached list the header reads too) and
 * every service page is linked from here.
 */
export function SiteFooter({ categories }: { categories: readonly { slug: string; name: string }[] }) {
  const shopLinks = [
    ...categories.map((c) => ({ href: `/category/${c.slug}`, label: c.name })),
    { href: "/search?q=", label: "All products" },
  ];
  return (
    <footer className="mt-16 border-t border-ink-100 bg-ink-50">
      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-10 text-sm text-ink-600 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <KiteLogo />
          <p className="mt-3 max-w-xs">
            Premium specs at an honest price, sold straight to fans. Welcome to the Kite Club.
          </p>
        </div>
        <FooterLinks title="Shop" links={shopLinks} />
        <FooterLinks title="Help & service" links={HELP_LINKS} />
        <FooterLinks title="Kite" links={KITE_LINKS} />
      </div>
      <div className="mx-auto flex max-w-7xl flex-col items-center gap-2 px-4 pb-8 text-xs text-ink-500 sm:flex-row sm:justify-between">
        <p>© 2026 Kite. A demo store: no real goods are sold.</p>
        <nav aria-label="Legal">
          <LinkList
            links={POLICY_LINKS}
            className="flex gap-4"
            linkClassName="underline underline-offset-2 hover:text-ink-900"
          />
        </nav>
      </div>
    </footer>
  );
}
