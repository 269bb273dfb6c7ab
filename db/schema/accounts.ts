import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./catalog";
import { createdAt, timestamptz, uuidRef } from "./columns";

/** What a mailed link may do: set a new password, or confirm a new email address. */
export const authTokenPurpose = pgEnum("auth_token_purpose", ["password_reset", "email_change"]);
export type AuthTokenPurpose = (typeof authTokenPurpose.enumValues)[number];

/**
 * Single-use links mailed to a person (lib/auth/tokens.ts). Only the SHA-256 of the token is kept: the token itself
 * exists in the mail alone. Using one is a compare-and-set on `usedAt` inside the transaction that changes the
 * password or the email; a newer link of the same purpose ends the older ones (their `expiresAt` moves to then).
 */
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuidRef(() => users.id, "cascade"),
    purpose: authTokenPurpose().notNull(),
    tokenHash: text().notNull(),
    /** The address being confirmed (email_change only). */
    newEmail: text(),
    expiresAt: timestamptz().notNull(),
    usedAt: timestamptz(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("auth_tokens_hash_idx").on(t.tokenHash),
    index("auth_tokens_user_open_idx").on(t.userId, t.purpose).where(sql`${t.usedAt} is null`),
    check(
      "auth_tokens_new_email_for_email_change",
      sql`(${t.purpose} = 'email_change') = (${t.newEmail} is not null)`,
    ),
  ],
);
export type AuthToken = typeof authTokens.$inferSelect;
