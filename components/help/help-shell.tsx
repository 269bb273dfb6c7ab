import Link from "next/link";
import type { ReactNode } from "react";
import type { KeyFact } from "@/components/help/content";
import { Breadcrumbs, type Crumb } from "@/components/ui/breadcrumbs";
import { HELP_PATH, HELP_TOPICS, type HelpTopicSlug, helpTopicPath } from "@/lib/help/topics";

/**
 * The frame every service page shares: breadcrumb, the page's one h1 and lead, the facts a shopper came for, the
 * body, and (on a topic page) the list of the other service pages beside it, after the body on a phone.
 */
export function HelpShell({
  current,
  title,
  lead,
  effective,
  facts,
  children,
}: {
  /** The topic page this is; absent on the help centre itself. */
  current?: HelpTopicSlug;
  title: string;
  lead: string;
  effective?: string | undefined;
  facts?: readonly KeyFact[] | undefined;
  children: ReactNode;
}) {
  const trail: Crumb[] = current
    ? [{ label: "Home", href: "/" }, { label: "Help centre", href: HELP_PATH }, { label: title }]
    : [{ label: "Home", href: "/" }, { label: title }];
  return (
    <div className="mx-auto max-w-7xl px-4 pb-8">
      <Breadcrumbs trail={trail} />
      <div className={current ? "grid gap-10 lg:grid-cols-[14rem_minmax(0,1fr)] lg:gap-14" : ""}>
        <article className="min-w-0">
          <header className="max-w-2xl">
            <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{title}</h1>
            <p className="mt-3 text-lg leading-relaxed text-ink-600">{lead}</p>
            {effective ? <p className="mt-2 text-sm text-ink-500">In effect from {effective}.</p> : null}
          </header>
          {facts?.length ? <KeyFacts facts={facts} /> : null}
          <div className="mt-10">{children}</div>
        </article>
        {current ? <TopicNav current={current} /> : null}
      </div>
    </div>
  );
}

function KeyFacts({ facts }: { facts: readonly KeyFact[] }) {
  return (
    <ul
      aria-label="At a glance"
      className="mt-8 grid max-w-2xl divide-y divide-accent-100 rounded-2xl bg-accent-50 px-5 sm:grid-cols-3 sm:gap-3 sm:divide-y-0 sm:bg-transparent sm:px-0"
    >
      {facts.map((f) => (
        <li
          key={f.label}
          className="flex items-baseline gap-3 py-3 sm:block sm:rounded-2xl sm:bg-accent-50 sm:px-5 sm:py-4"
        >
          <span className="block shrink-0 text-xl font-bold text-accent-800">{f.value}</span>
          <span className="block text-sm text-ink-700 sm:mt-0.5">{f.label}</span>
        </li>
      ))}
    </ul>
  );
}

function TopicNav({ current }: { current: HelpTopicSlug }) {
  return (
    <nav aria-labelledby="help-topics" className="lg:order-first">
      <h2 id="help-topics" className="text-sm font-semibold text-ink-500">
        <Link href={HELP_PATH} className="hover:text-ink-900 hover:underline">
          Help centre
        </Link>
      </h2>
      <ul className="mt-3 space-y-1 border-t border-ink-100 pt-3 text-sm lg:border-t-0 lg:pt-0">
        {HELP_TOPICS.map((t) => (
          <li key={t.slug}>
            <Link
              href={helpTopicPath(t.slug)}
              aria-current={t.slug === current ? "page" : undefined}
              className="block rounded-lg px-3 py-2 text-ink-700 hover:bg-ink-50 hover:text-ink-900 aria-[current=page]:bg-ink-100 aria-[current=page]:font-semibold aria-[current=page]:text-ink-900"
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
