import { z } from "zod";

/**
 * Ids as the database stores them, checked before any query: a string that only looks like an id (36 dashes, a
 * number beyond int4) would otherwise reach PostgreSQL and come back as an error — a 500 instead of "not found".
 * Import-free apart from zod, so schemas on both sides of the wire can use it.
 */

/** PostgreSQL's `integer` (int4) ceiling: serial ids never exceed it. */
export const SQL_INT_MAX = 2_147_483_647;

/** Any uuid PostgreSQL accepts in its canonical form (8-4-4-4-12 hex digits), whatever its version. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** A positive integer that fits PostgreSQL's `integer` column: a serial id. */
export function isSqlInt(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value > 0 && value <= SQL_INT_MAX;
}

/** A uuid form field or route segment; `message` is what a person reads when it is not one. */
export function uuidField(message: string) {
  return z.string().regex(UUID, message);
}

/** A serial id from a form (a string) or JSON (a number), refused with `message` unless it fits int4. */
export function serialIdField(message: string) {
  return z.coerce.number({ message }).int(message).positive(message).max(SQL_INT_MAX, message);
}

/** An order's number as people read it and say it on the phone: the first 8 characters of its id, upper case. */
export function orderNumber(orderId: string): string {
  return orderId.slice(0, 8).toUpperCase();
}

/**
 * A command on one row named by a uuid: an id that is not even a uuid names nothing (`notFound()`, and no query
 * that PostgreSQL would refuse with a cast error); else `work` runs in one transaction.
 */
export function inTransactionById<Tx, T, F>(
  db: { transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R> },
  id: string,
  notFound: () => F,
  work: (tx: Tx) => Promise<T>,
): Promise<T | F> {
  return isUuid(id) ? db.transaction(work) : Promise.resolve(notFound());
}
