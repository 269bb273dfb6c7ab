/** The SQLSTATE of a database error, whichever driver raised it (drizzle wraps the driver's error in `cause`). */
export function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = "23505";
export const FOREIGN_KEY_VIOLATION = "23503";
/** Deadlock and serialisation failures: the statement changed nothing and may simply be run again. */
export const RETRYABLE = new Set(["40P01", "40001"]);

/** A Postgres array literal for uuids or integers, passed as one parameter (drizzle would spread a JS array). */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.join(",")}}`;
}

/** Moved to lib/ids.ts (ids are not a sales rule); re-exported for the sales modules that import them here. */
export { isSqlInt, isUuid } from "@/lib/ids";
