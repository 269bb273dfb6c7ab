import { type AnyPgColumn, integer, timestamp, uuid } from "drizzle-orm/pg-core";

/*
 * Column shapes every table file uses, written once. Changing one here changes the schema for every table that
 * uses it, so `npm run db:generate` must then say what it would migrate.
 */

type OnDelete = "cascade" | "set null" | "restrict" | "no action";

/** A point in time, always with its zone. */
export const timestamptz = () => timestamp({ withTimezone: true });

/** When the row was written: set by the database. */
export const createdAt = () => timestamptz().notNull().defaultNow();

export const timestamps = {
  createdAt: createdAt(),
  updatedAt: timestamptz()
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

/** An integer id the database numbers. */
export const identity = () => integer().primaryKey().generatedAlwaysAsIdentity();

/** A required link to a row with a uuid key. */
export const uuidRef = (target: () => AnyPgColumn, onDelete?: OnDelete) =>
  uuid()
    .notNull()
    .references(target, onDelete ? { onDelete } : {});

/** A required link to a row with an integer key. */
export const integerRef = (target: () => AnyPgColumn, onDelete?: OnDelete) =>
  integer()
    .notNull()
    .references(target, onDelete ? { onDelete } : {});

/** Stock accounting (quantity = available + held + sold), checked by the table (see `stockChecks`). */
export const stockColumns = () => ({
  quantity: integer().notNull(),
  available: integer().notNull(),
  held: integer().notNull().default(0),
  sold: integer().notNull().default(0),
});
