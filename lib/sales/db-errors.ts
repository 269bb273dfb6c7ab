/** The SQLSTATE of a database error, whichever driver raised it (drizzle wraps the driver's error in `cause`). */
export function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The constraint a database error names (a foreign key, a unique index), whichever driver raised it. */
export function sqlConstraint(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const constraint = (e as { constraint?: unknown }).constraint;
    if (typeof constraint === "string") return constraint;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = "23505";
export const FOREIGN_KEY_VIOLATION = "23503";
/** Deadlock and serialisation failures: the statement changed nothing and may simply be run again. */
export const RETRYABLE = new Set(["40P01", "40001"]);

/**
 * The connection was lost or refused: the server ended it (pg_terminate_backend, a restart, a failover) or could not
 * be reached. Whether a statement in flight at that moment was committed is unknown; the pool replaces the
 * connection by itself, so the caller may answer "try again".
 */
export function isConnectionLost(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string") {
      if (code.startsWith("08") || CONNECTION_ENDED.has(code)) return true;
    }
    if (typeof message === "string" && CONNECTION_LOST_MESSAGE.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Admin, crash and startup shutdowns (class 57) and the socket errors node-postgres passes through. */
const CONNECTION_ENDED = new Set(["57P01", "57P02", "57P03", "ECONNRESET", "ECONNREFUSED", "EPIPE"]);
/**
 * node-postgres raises the first three without a code when the socket closes under a query; the last is a database
 * closed to new connections (ALLOW_CONNECTIONS false, SQLSTATE 55000, which also covers unrelated errors).
 */
const CONNECTION_LOST_MESSAGE =
  /^Connection terminated|not queryable|timeout exceeded when trying to connect|is not currently accepting connections/;

/** A Postgres array literal for uuids or integers, passed as one parameter (drizzle would spread a JS array). */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.join(",")}}`;
}

/** Moved to lib/ids.ts (ids are not a sales rule); re-exported for the sales modules that import them here. */
export { isSqlInt, isUuid } from "@/lib/ids";
