import "server-only";
import { headers } from "next/headers";
import { clientIpFrom, originFrom } from "@/lib/http/request-info";

export { UNKNOWN_ADDRESS } from "@/lib/http/request-info";

/** The store's public origin for this request (./http/request-info.ts). */
export async function getOrigin(): Promise<string> {
  return originFrom(await headers());
}

/** The client's address for rate limits (./http/request-info.ts). */
export async function getClientIp(): Promise<string> {
  return clientIpFrom(await headers());
}
