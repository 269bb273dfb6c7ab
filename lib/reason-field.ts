import { z } from "zod";

/**
 * A reason a marketer writes for a fan to read (turning a return down, hiding a review): required, trimmed, and at
 * most `max` characters; `missing` says what to write when it is empty.
 */
export function reasonField(missing: string, max: number) {
  return z.string().trim().min(1, missing).max(max, `Keep the reason to ${max} characters or fewer.`);
}
