import "server-only";
import { cookies, headers } from "next/headers";
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
