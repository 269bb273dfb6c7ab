import Link from "next/link";
import type { FaqGroup } from "@/components/help/content";
import { ButtonLink } from "@/components/ui/button";
import { HELP_TOPICS, helpTopicPath } from "@/lib/help/topics";
import { RichText } from "./rich-text";

/** The help centre's body: a card per service page, the questions fans ask grouped by topic, and who to call. */
export function HelpCentre({ faq, supportHours }: { faq: readonly FaqGroup[]; supportHours: string }) {
  return (
    <div className="space-y-14">
      <section aria-labelledby="help-pages">
        <h2 id="help-pages" className="text-xl font-semibold tracking-tight">
          Service and policies
        </h2>
        <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {HELP_TOPICS.map((t) => (
            <li key={t.slug}>
              <Link
                href={helpTopicPath(t.slug)}
                className="group block h-full rounded-2xl border border-ink-200 p-5 transition hover:border-accent-500 hover:shadow-sm"
              >
                <span className="font-semibold text-accent-700 underline decoration-1 underline-offset-2 group-hover:decoration-2">
                  {t.label}
                </span>
                <span className="mt-1 block text-sm text-ink-600">{t.summary}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="faq">
        <div>
          <h2 id="faq" className="text-xl font-semibold tracking-tight">
            Frequently asked questions
          </h2>
          <nav aria-label="Question topics" className="mt-3">
            <ul className="flex flex-wrap gap-2 text-sm">
              {faq.map((g) => (
                <li key={g.id}>
                  <a
                    href={`#${g.id}`}
                    className="inline-block rounded-full border border-ink-200 px-3 py-1 text-ink-700 hover:border-ink-500 hover:text-ink-900"
                  >
                    {g.title}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <div className="mt-8 grid items-start gap-x-12 gap-y-8 lg:grid-cols-2">
          {faq.map((g) => (
            <section key={g.id} aria-labelledby={g.id}>
              <h3 id={g.id} className="scroll-mt-24 text-lg font-semibold">
                {g.title}
              </h3>
              <div className="mt-2 divide-y divide-ink-100 border-y border-ink-100">
                {g.items.map((item) => (
                  <details key={item.question} className="group py-1">
                    <summary className="flex cursor-pointer list-none items-center justify-between gap-4 rounded py-3 font-medium text-ink-900 [&::-webkit-details-marker]:hidden">
                      {item.question}
                      <span
                        aria-hidden="true"
                        className="shrink-0 text-xl leading-none text-ink-400 transition group-open:rotate-45"
                      >
                        +
                      </span>
                    </summary>
                    <p className="pb-4 leading-relaxed text-ink-700">
                      <RichText text={item.answer} />
                    </p>
                  </details>
                ))}
              </div>
            </section>
          ))}
        </div>
      </section>

      <section aria-labelledby="still-stuck" className="max-w-3xl rounded-2xl bg-ink-50 p-6">
        <h2 id="still-stuck" className="text-xl font-semibold tracking-tight">
          Still need help?
        </h2>
        <p className="mt-2 text-ink-700">{supportHours}</p>
        <ButtonLink href={helpTopicPath("contact")} size="sm" className="mt-4">
          Contact us
        </ButtonLink>
      </section>
    </div>
  );
}
