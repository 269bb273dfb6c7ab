import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContactForm } from "@/components/help/contact-form";
import {
  HELP_CENTRE_PAGE,
  helpFaq,
  type StoreFacts,
  servicePages,
  supportHours,
} from "@/components/help/content";
import { HelpCentre } from "@/components/help/help-centre";
import { HelpShell } from "@/components/help/help-shell";
import { ServiceSections } from "@/components/help/service-sections";
import { env } from "@/lib/env";
import { type HelpTopicSlug, isHelpTopicSlug } from "@/lib/help/topics";
import { zoneLabel } from "@/lib/store-time";
import { sendContactMessageAction } from "./actions";

type Props = { params: Promise<{ topic?: string[] }> };

/**
 * The help centre (`/help`) and its service pages (`/help/<topic>`, lib/help/topics.ts), one route so they share
 * one frame. The same for every visitor: rendered on first visit, then shared from cache like the other shopper
 * pages, and not at build time, which has no database for the header's categories. The proxy turns any other
 * `/help/…` into the plain 404 before it gets here. The contact form is a client component posting to a server
 * action: the page carries no visitor's data (a signed-in fan's name and email are filled in from /api/me).
 */
export const revalidate = 300;
export async function generateStaticParams(): Promise<{ topic: string[] }[]> {
  return [];
}

function storeFacts(): StoreFacts {
  return { holdMinutes: env.HOLD_MINUTES, zone: zoneLabel(env.STORE_TIMEZONE) };
}

/** The topic a path names, "" for the help centre itself, or null for no page. */
function topicOf(topic: string[] | undefined): HelpTopicSlug | "" | null {
  if (!topic?.length) return "";
  const [slug] = topic;
  return topic.length === 1 && slug && isHelpTopicSlug(slug) ? slug : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const topic = topicOf((await params).topic);
  if (topic === null) return { title: "Not found · Kite" };
  const page = topic ? servicePages(storeFacts())[topic] : HELP_CENTRE_PAGE;
  return { title: page.metaTitle, description: page.description };
}

export default async function HelpPage({ params }: Props) {
  const topic = topicOf((await params).topic);
  if (topic === null) notFound();
  const facts = storeFacts();
  if (topic === "") {
    return (
      <HelpShell title={HELP_CENTRE_PAGE.title} lead={HELP_CENTRE_PAGE.lead}>
        <HelpCentre faq={helpFaq(facts)} supportHours={supportHours(facts)} />
      </HelpShell>
    );
  }
  const page = servicePages(facts)[topic];
  return (
    <HelpShell
      current={topic}
      title={page.title}
      lead={page.lead}
      effective={page.effective}
      facts={page.facts}
    >
      <ServiceSections
        sections={page.sections}
        slots={{ "contact-form": <ContactForm action={sendContactMessageAction} /> }}
      />
    </HelpShell>
  );
}
