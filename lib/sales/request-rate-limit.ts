import "server-only";
import { getClientIp } from "@/lib/http";
import {
  checkSaleRateLimit,
  getSaleRateLimiter,
  type SALE_RATE_LIMITS,
  type SaleRateLimitResult,
} from "./rate-limit";

/** The sale rate limit of the current request: its caller's account and client address buckets for `action`. */
export async function checkRequestRateLimit(input: {
  action: keyof typeof SALE_RATE_LIMITS;
  userId: string;
  now: Date;
}): Promise<SaleRateLimitResult> {
  return checkSaleRateLimit(getSaleRateLimiter(), { ...input, ip: await getClientIp() });
}
