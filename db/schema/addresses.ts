import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./catalog";
import { timestamps, uuidRef } from "./columns";

/** A delivery address as an order keeps it (orders.shipping_address): frozen when the order is placed. */
export interface ShippingAddress {
  recipientName: string;
  mobile: string;
  province: string;
  city: string;
  district: string;
  street: string;
  postcode: string;
  country: "CN";
}

/** A fan's address book. At most one default per account, enforced by a partial unique index. */
export const addresses = pgTable(
  "addresses",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuidRef(() => users.id, "cascade"),
    recipientName: text().notNull(),
    mobile: text().notNull(),
    province: text().notNull(),
    city: text().notNull(),
    district: text().notNull(),
    street: text().notNull(),
    postcode: text().notNull(),
    isDefault: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index("addresses_user_idx").on(t.userId, t.createdAt),
    uniqueIndex("addresses_one_default_idx").on(t.userId).where(sql`${t.isDefault}`),
  ],
);
export type Address = typeof addresses.$inferSelect;
