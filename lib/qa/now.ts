import "server-only";
import { draftMode, headers } from "next/headers";
import { qaToolsEnabled } from "@/lib/env";
import { requestNowFrom } from "./request-now";

/**
 * The store's "now" for the current request. Every rule takes `now` as an argument; pages, actions and route
 * handlers get it here. Without QA tools this is just `new Date()` and reads no cookie.
 */
export async function getRequestNow(): Promise<Date> {
  if (!qaToolsEnabled) return new Date();
  return requestNowFrom(await headers());
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
