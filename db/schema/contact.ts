import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./catalog";
import { timestamps } from "./columns";

/** What a message is about, as the contact form offers it (lib/contact/rules.ts labels them). */
export const contactTopic = pgEnum("contact_topic", ["order", "flash_sale", "fcode", "returns", "other"]);
export type ContactTopic = (typeof contactTopic.enumValues)[number];

/** new: nobody has answered yet; answered: a reply went out; closed: nothing more to do. */
export const contactStatus = pgEnum("contact_status", ["new", "answered", "closed"]);
export type ContactStatus = (typeof contactStatus.enumValues)[number];

/**
 * Messages sent through the contact form, read in the console's inbox. `requestKey` is the form's one-time key:
 * a double submit finds the first row instead of writing a second. `userId` is the signed-in sender, if any (the
 * email is what they typed, which is where the answer goes).
 */
export const contactMessages = pgTable(
  "contact_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    email: text().notNull(),
    topic: contactTopic().notNull(),
    /** An order as the store names it to people: the id's first 8 characters, upper case. */
    orderReference: text(),
    message: text().notNull(),
    status: contactStatus().notNull().default("new"),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    requestKey: text().notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("contact_messages_request_key_idx").on(t.requestKey),
    index("contact_messages_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("contact_messages_status_idx").on(t.status, t.createdAt.desc()),
    check("contact_messages_message_length", sql`char_length(${t.message}) <= 4000`),
  ],
);
export type ContactMessage = typeof contactMessages.$inferSelect;
