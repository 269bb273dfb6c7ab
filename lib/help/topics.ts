/**
 * The store's service pages and where they live: `/help` (the help centre) and one page per topic under it. The
 * proxy checks `/help/<slug>` against this list before anything renders, so a made-up path is a plain 404 and
 * never a cache entry (README: Pages the crowd reads come from cache). Imports only constants: the proxy, the
 * footer and the pages all read it.
 */

import { FAULT_EXCHANGE_DAYS, NO_REASON_RETURN_DAYS, WARRANTY_MONTHS } from "@/lib/limits";

export const HELP_PATH = "/help";

export const HELP_TOPICS = [
  { slug: "contact", label: "Contact us", summary: "Phone, email and Kite Club support, with our hours." },
  {
    slug: "shipping",
    label: "Shipping",
    summary: "Free delivery across mainland China, dispatch and tracking.",
  },
  {
    slug: "returns",
    label: "Returns & refunds",
    summary: `${NO_REASON_RETURN_DAYS}-day no-reason returns, ${FAULT_EXCHANGE_DAYS}-day exchanges, refunds.`,
  },
  {
    slug: "warranty",
    label: "Warranty",
    summary: `A ${WARRANTY_MONTHS}-month warranty on every Kite device, and how repairs work.`,
  },
  { slug: "privacy", label: "Privacy", summary: "What we collect, why, who sees it and your rights." },
  { slug: "terms", label: "Terms of sale", summary: "Orders, prices, flash sales, F-codes and reviews." },
  {
    slug: "about",
    label: "About Kite",
    summary: "Who we are: made with fans, honest prices, the Kite Club.",
  },
] as const;

export type HelpTopicSlug = (typeof HELP_TOPICS)[number]["slug"];

const SLUGS: ReadonlySet<string> = new Set(HELP_TOPICS.map((t) => t.slug));

export function isHelpTopicSlug(slug: string): slug is HelpTopicSlug {
  return SLUGS.has(slug);
}

export function helpTopicPath(slug: HelpTopicSlug, anchor?: string): string {
  return `${HELP_PATH}/${slug}${anchor ? `#${anchor}` : ""}`;
}

/** The anchor of the Kite Club support section on the contact page (linked from every product page). */
export const KITE_CLUB_SUPPORT_ANCHOR = "kite-club-support";
