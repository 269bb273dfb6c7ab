import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, type SQL } from "drizzle-orm";
import { type AuthToken, type AuthTokenPurpose, authTokens } from "@/db/schema";
import type { Db, Tx } from "@/lib/db";
import { EMAIL_CHANGE_LINK_HOURS, PASSWORD_RESET_LINK_MINUTES } from "@/lib/limits";
import { type Failure, fail } from "@/lib/result";
import { lockAccount } from "./users";

/**
 * Single-use links mailed to a person: a password reset, or the confirmation of a new email address.
 *
 * - The token is 32 random bytes in base64url (43 characters), in the mail only; the table keeps its SHA-256.
 * - One open link per account and purpose: issuing a new one ends the older ones (under a lock on the account, so
 *   two requests at once still leave exactly one link working). "Only the latest works" is simpler to explain than
 *   "each works once" and leaves one live secret per account in anybody's mailbox.
 * - Using a link is one compare-and-set (`used_at is null and expires_at > now`) inside the transaction that makes
 *   the change it allows, so of two uses at once exactly one wins, and a refused use writes nothing.
 */

export const TOKEN_LIFETIME_MS: Record<AuthTokenPurpose, number> = {
  password_reset: PASSWORD_RESET_LINK_MINUTES * 60_000,
  email_change: EMAIL_CHANGE_LINK_HOURS * 3_600_000,
};

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The `token` of a link's query string as a page receives it: one bounded string, or empty. */
export function tokenFromQuery(raw: string | string[] | undefined): string {
  return typeof raw === "string" ? raw.slice(0, 200) : "";
}

const byHash = (tokenHash: string, purpose: AuthTokenPurpose) =>
  and(eq(authTokens.tokenHash, tokenHash), eq(authTokens.purpose, purpose));

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export type TokenRefusalCode =
  | "token_unknown"
  | "token_used"
  | "token_expired"
  | "token_superseded"
  | "token_other_account";
export type TokenRefusal = Failure<TokenRefusalCode>;

/** What each purpose's refusals say; the page adds the link to ask again. */
const ASK_AGAIN: Record<AuthTokenPurpose, string> = {
  password_reset: "Ask for a new reset link.",
  email_change: "Ask for a new confirmation link from your account settings.",
};

function refusal(code: TokenRefusalCode, purpose: AuthTokenPurpose): TokenRefusal {
  const again = ASK_AGAIN[purpose];
  const lifetime =
    purpose === "password_reset"
      ? `${PASSWORD_RESET_LINK_MINUTES} minutes`
      : `${EMAIL_CHANGE_LINK_HOURS} hours`;
  const said: Record<TokenRefusalCode, string> = {
    token_unknown: `This link isn't valid: it may have been copied incompletely. ${again}`,
    token_used: `This link has already been used: each link works once. ${again}`,
    token_expired: `This link has expired: links work for ${lifetime}. ${again}`,
    token_superseded: `A newer link was sent after this one, so this one no longer works. Use the newest mail, or ${again.charAt(0).toLowerCase()}${again.slice(1)}`,
    token_other_account:
      "This link belongs to another account. Sign out, then sign in with the account that asked for it.",
  };
  return fail(code, said[code]);
}

/**
 * A new link for an account, in the caller's transaction (which also enqueues the mail carrying it). Earlier open
 * links of the same purpose end now.
 */
export async function issueAuthToken(
  tx: Tx,
  {
    userId,
    purpose,
    newEmail = null,
    now,
  }: { userId: string; purpose: AuthTokenPurpose; newEmail?: string | null; now: Date },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  await lockAccount(tx, { userId });
  await endOpenTokens(tx, { userId, purpose, now });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]);
  const [row] = await tx
    .insert(authTokens)
    .values({ userId, purpose, tokenHash: hashToken(token), newEmail, expiresAt, createdAt: now })
    .returning({ id: authTokens.id });
  if (!row) throw new Error("auth token insert returned no row");
  return { id: row.id, token, expiresAt };
}

/** Ends an account's open links of one purpose (a newer link, a changed password or email makes them stale). */
export async function endOpenTokens(
  tx: Tx,
  { userId, purpose, now }: { userId: string; purpose: AuthTokenPurpose; now: Date },
): Promise<void> {
  await tx
    .update(authTokens)
    .set({ expiresAt: now })
    .where(
      and(
        eq(authTokens.userId, userId),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, now),
      ),
    );
}

/** A link someone follows: its token, what it is for, and (when they must be signed in as its account) who. */
export interface LinkUse {
  token: string;
  purpose: AuthTokenPurpose;
  userId?: string | undefined;
  now: Date;
}

type LinkAnswer = Promise<{ ok: true; token: AuthToken } | TokenRefusal>;

/**
 * Uses a link: one conditional update, in the transaction of the change it allows. `userId` (when the person must
 * be signed in as the link's account) is part of the condition, so another account's link changes nothing.
 */
export function consumeAuthToken(tx: Tx, use: LinkUse): LinkAnswer {
  return findUsable(tx, use, async (usable) => {
    const [used] = await tx.update(authTokens).set({ usedAt: use.now }).where(usable).returning();
    return used;
  });
}

/** A link as its page shows it before anything is written: usable (and whose), or why not. */
export function peekAuthToken(db: Db, use: LinkUse): LinkAnswer {
  return findUsable(db, use, async (usable) => {
    const [row] = await db.select().from(authTokens).where(usable);
    return row;
  });
}

/** Runs `find` with the condition of a usable link (unused, unexpired, the right account); else says why not. */
async function findUsable(
  db: Db | Tx,
  use: LinkUse,
  find: (usable: SQL | undefined) => Promise<AuthToken | undefined>,
): LinkAnswer {
  const { token, purpose, userId, now } = use;
  if (!TOKEN_SHAPE.test(token)) return refusal("token_unknown", purpose);
  const tokenHash = hashToken(token);
  const row = await find(
    and(
      byHash(tokenHash, purpose),
      isNull(authTokens.usedAt),
      gt(authTokens.expiresAt, now),
      userId ? eq(authTokens.userId, userId) : undefined,
    ),
  );
  return row ? { ok: true, token: row } : explainRefusal(db, { tokenHash, purpose, userId, now });
}

async function explainRefusal(
  db: Db | Tx,
  {
    tokenHash,
    purpose,
    userId,
    now,
  }: { tokenHash: string; purpose: AuthTokenPurpose; userId?: string | undefined; now: Date },
): Promise<TokenRefusal> {
  const [row] = await db.select().from(authTokens).where(byHash(tokenHash, purpose));
  if (!row) return refusal("token_unknown", purpose);
  if (userId && row.userId !== userId) return refusal("token_other_account", purpose);
  if (row.usedAt) return refusal("token_used", purpose);
  if (row.expiresAt > now) return refusal("token_unknown", purpose);
  const [newest] = await db
    .select({ id: authTokens.id })
    .from(authTokens)
    .where(and(eq(authTokens.userId, row.userId), eq(authTokens.purpose, purpose)))
    .orderBy(desc(authTokens.createdAt), desc(authTokens.id))
    .limit(1);
  return refusal(newest && newest.id !== row.id ? "token_superseded" : "token_expired", purpose);
}
