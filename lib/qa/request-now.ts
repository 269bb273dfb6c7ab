import { env, qaToolsEnabled } from "@/lib/env";
import { cookieFrom, type HeaderReader } from "@/lib/http/request-info";
import { QA_CLOCK_COOKIE, QA_CLOCK_HEADER, resolveNow } from "./clock";

/**
 * The store's "now" for a request, from its headers alone (the QA clock header, else its cookie): real time unless
 * QA tools are on. lib/qa/now.ts reads it through Next's `headers()`; the lean reserve handler calls it directly.
 */
export function requestNowFrom(h: HeaderReader): Date {
  if (!qaToolsEnabled) return new Date();
  const token = h.get(QA_CLOCK_HEADER) ?? cookieFrom(h, QA_CLOCK_COOKIE);
  return resolveNow({ realNow: Date.now(), token, secret: env.QA_SECRET, enabled: true });
}
