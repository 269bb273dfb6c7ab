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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Guards raw SQL from forged ids: a malformed uuid would be a database error (a 500), not "not found". */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

export function isSqlInt(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value > 0 && value <= 2_147_483_647;
}
