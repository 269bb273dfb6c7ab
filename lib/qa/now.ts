import "server-only";
import { cookies, draftMode, headers } from "next/headers";
import { env, qaToolsEnabled } from "@/lib/env";
import { QA_CLOCK_COOKIE, QA_CLOCK_HEADER, resolveNow } from "./clock";

/**
 * The store's "now" for the current request. Every rule takes `now` as an argument; pages, actions and route
 * handlers get it here. Without QA tools this is just `new Date()` and reads no cookie.
 */
export async function getRequestNow(): Promise<Date> {
  if (!qaToolsEnabled) return new Date();
  const [jar, hdrs] = await Promise.all([cookies(), headers()]);
  const token = hdrs.get(QA_CLOCK_HEADER) ?? jar.get(QA_CLOCK_COOKIE)?.value;
  return resolveNow({ realNow: Date.now(), token, secret: env.QA_SECRET, enabled: true });
}

/** Next's draft-mode cookie (its value is the build's preview id). */
export const DRAFT_MODE_COOKIE = "__prerender_bypass";

/**
 * "Now" for a page every visitor shares from cache. Such a page is rendered once for everyone, so it reads no
 * cookie: real time. A QA browser whose clock is moved also carries Next's draft-mode cookie (set with the clock by
 * /api/qa/clock), which makes Next render the page afresh for that request: then, and only then, the test clock
 * applies. Production never enables draft mode.
 */
export async function getPageNow(): Promise<Date> {
  if (!qaToolsEnabled) return new Date();
  const { isEnabled } = await draftMode();
  return isEnabled ? getRequestNow() : new Date();
}
