import { z } from "zod";
import type { ContactStatus, ContactTopic } from "@/db/schema/contact";

/*
 * The contact form's rules, shared by the form (labels, bounds), the rule in ./messages.ts and the console's inbox.
 * Pure (zod and types only), so client components import it too.
 */

export type { ContactStatus, ContactTopic };

export const CONTACT_TOPICS = [
  { value: "order", label: "An order" },
  { value: "flash_sale", label: "A flash sale" },
  { value: "fcode", label: "An F-code" },
  { value: "returns", label: "Returns or repairs" },
  { value: "other", label: "Something else" },
] as const satisfies readonly { value: ContactTopic; label: string }[];

export const CONTACT_STATUSES = [
  { value: "new", label: "New" },
  { value: "answered", label: "Answered" },
  { value: "closed", label: "Closed" },
] as const satisfies readonly { value: ContactStatus; label: string }[];

export const CONTACT_LIMITS = {
  name: 80,
  email: 254,
  message: { min: 20, max: 2000 },
} as const;

/** The field a person never sees (hidden from sight, from the keyboard and from screen readers); bots fill it. */
export const CONTACT_HONEYPOT_FIELD = "website";

const TOPIC_VALUES = CONTACT_TOPICS.map((t) => t.value) as [ContactTopic, ...ContactTopic[]];
const STATUS_VALUES = CONTACT_STATUSES.map((s) => s.value) as [ContactStatus, ...ContactStatus[]];

export function isContactTopic(value: unknown): value is ContactTopic {
  return typeof value === "string" && (TOPIC_VALUES as string[]).includes(value);
}

export function isContactStatus(value: unknown): value is ContactStatus {
  return typeof value === "string" && (STATUS_VALUES as string[]).includes(value);
}

export function contactTopicLabel(topic: ContactTopic): string {
  return CONTACT_TOPICS.find((t) => t.value === topic)?.label ?? topic;
}

export function contactStatusLabel(status: ContactStatus): string {
  return CONTACT_STATUSES.find((s) => s.value === status)?.label ?? status;
}

/**
 * An order as people see it ("Order 3F9A1C2B" on the order page and in mails): its id's first 8 characters. Also
 * takes "#3f9a1c2b" or the whole id, and keeps the 8 characters in upper case; anything else is null.
 */
export function normaliseOrderReference(raw: string): string | null {
  const value = raw
    .trim()
    .replace(/^#/, "")
    .replace(/^order\s*/i, "");
  const match = /^([0-9a-f]{8})(-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/i.exec(value);
  return match?.[1] ? match[1].toUpperCase() : null;
}

const ORDER_REFERENCE_MESSAGE =
  "Use the 8 characters after “Order” on your order page (for example 3F9A1C2B), or leave this empty.";

/** What the contact form sends. Text is trimmed; the honeypot and the request key are checked here too. */
export const contactInput = z.object({
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(CONTACT_LIMITS.name, `Keep your name to ${CONTACT_LIMITS.name} characters.`),
  email: z
    .string({ error: "Enter your email address." })
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address, so we can answer.")
    .max(CONTACT_LIMITS.email, "That email address is too long.")
    .pipe(z.email("Enter a valid email address, like name@example.com.")),
  topic: z.enum(TOPIC_VALUES, { error: "Choose what your message is about." }),
  orderReference: z
    .string()
    .max(64, ORDER_REFERENCE_MESSAGE)
    .default("")
    .transform((raw, ctx) => {
      if (raw.trim() === "") return null;
      const reference = normaliseOrderReference(raw);
      if (!reference) ctx.addIssue({ code: "custom", message: ORDER_REFERENCE_MESSAGE });
      return reference;
    }),
  message: z
    .string({ error: "Write your message." })
    .trim()
    .min(
      CONTACT_LIMITS.message.min,
      `Tell us a little more: at least ${CONTACT_LIMITS.message.min} characters, so we can help in one reply.`,
    )
    .max(
      CONTACT_LIMITS.message.max,
      `Keep your message to ${CONTACT_LIMITS.message.max.toLocaleString("en")} characters; you can send details in a second message.`,
    ),
  /** The form's one-time key, made in the browser (a page shared by everyone cannot carry one); absent without JS. */
  requestKey: z
    .string()
    .default("")
    .refine(
      (key) => key === "" || /^[A-Za-z0-9-]{16,64}$/.test(key),
      "Reload the page and send your message again.",
    ),
  [CONTACT_HONEYPOT_FIELD]: z.string().max(500).default(""),
});
export type ContactInput = z.infer<typeof contactInput>;

/** The console's status changes: answer, close, or open again. */
export const CONTACT_TRANSITIONS: Readonly<Record<ContactStatus, readonly ContactStatus[]>> = {
  new: ["answered", "closed"],
  answered: ["closed", "new"],
  closed: ["new"],
};

export function canMoveContact(from: ContactStatus, to: ContactStatus): boolean {
  return CONTACT_TRANSITIONS[from].includes(to);
}
