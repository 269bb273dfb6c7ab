import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./catalog";
import { createdAt, timestamptz, uuidRef } from "./columns";
import { saleHolds, sales } from "./sales";

/**
 * One entry per fan in a draw sale (the primary key refuses a second). Entries are not `sale_registrations`
 * rows: the public reserve (kite_reserve_batch) needs one of those, so a draw sale cannot be reserved from at
 * all; its units reach fans only as the draw's holds (lib/sales/draw.ts).
 *
 * `entryId` is the pseudonym published with the draw (random, says nothing about the account). `position` is the
 * place in the drawn order (1 = first), set once by the draw; `offeredAt`/`holdId` when a unit was held for the
 * entry (the winners at the draw, later entries as unpaid units come back).
 */
export const saleDrawEntries = pgTable(
  "sale_draw_entries",
  {
    saleId: uuidRef(() => sales.id, "cascade"),
    userId: uuidRef(() => users.id, "cascade"),
    entryId: text().notNull(),
    createdAt: createdAt(),
    position: integer(),
    offeredAt: timestamptz(),
    holdId: uuid().references(() => saleHolds.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.saleId, t.userId] }),
    unique("sale_draw_entries_entry_key").on(t.saleId, t.entryId),
    unique("sale_draw_entries_position_key").on(t.saleId, t.position),
    index("sale_draw_entries_waiting_idx")
      .on(t.saleId, t.position)
      .where(sql`${t.position} is not null and ${t.offeredAt} is null`),
    check("sale_draw_entries_entry_id_format", sql`${t.entryId} ~ '^[0-9a-f]{24}$'`),
    check("sale_draw_entries_position_positive", sql`${t.position} > 0`),
  ],
);
export type SaleDrawEntry = typeof saleDrawEntries.$inferSelect;
