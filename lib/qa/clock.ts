import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The QA test clock. Outside production, with QA_SECRET set, a request may carry a signed offset (cookie
 * `kite_qa_clock` or header `x-kite-clock`) that moves the store's "now" for that browser or client only, so
 * parallel test runs do not disturb each other. Production ignores both (see `qaToolsEnabled`).
 */
export const QA_CLOCK_COOKIE = "kite_qa_clock";
export const QA_CLOCK_HEADER = "x-kite-clock";
/** A year either way is plenty for any test, and bounds what a leaked token could do on staging. */
export const MAX_CLOCK_OFFSET_MS = 366 * 24 * 60 * 60 * 1000;

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`kite-clock:${payload}`).digest("base64url");
}

/** A token carrying a clock offset in milliseconds, signed with the QA secret. */
export function encodeClockToken(offsetMs: number, secret: string): string {
  const payload = String(Math.trunc(offsetMs));
  return `${payload}.${sign(payload, secret)}`;
}

/** The offset in a token, or null when it is malformed, out of range or not signed with this secret. */
export function decodeClockToken(token: string | undefined | null, secret: string): number | null {
  if (!token) return null;
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(payload, secret));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (!/^-?\d{1,13}$/.test(payload)) return null;
  const offset = Number(payload);
  return Math.abs(offset) <= MAX_CLOCK_OFFSET_MS ? offset : null;
}

/** "Now" for a request: real time, moved by a valid token when QA tools are on. Pure, for tests. */
export function resolveNow({
  realNow,
  token,
  secret,
  enabled,
}: {
  realNow: number;
  token: string | undefined | null;
  secret: string | undefined;
  enabled: boolean;
}): Date {
  if (!enabled || !secret) return new Date(realNow);
  const offset = decodeClockToken(token, secret);
  return new Date(realNow + (offset ?? 0));
}
