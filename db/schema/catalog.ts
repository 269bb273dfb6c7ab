import { relations, sql } from "drizzle-orm";
import {
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { identity, integerRef, stockColumns, timestamps, timestamptz, uuidRef } from "./columns";

// ─── Accounts ────────────────────────────────────────────────────────────────

export const userRole = pgEnum("user_role", ["shopper", "marketer"]);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    role: userRole().notNull().default("shopper"),
    /** Sessions signed in before this moment are over (set when the password changes; lib/auth/session.ts). */
    sessionsValidAfter: timestamptz(),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);
export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];

// ─── Catalogue ───────────────────────────────────────────────────────────────

export const categories = pgTable("categories", {
  id: identity(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(""),
  position: integer().notNull().default(0),
  ...timestamps,
});
export type Category = typeof categories.$inferSelect;

export const products = pgTable(
  "products",
  {
    id: identity(),
    slug: text().notNull().unique(),
    categoryId: integerRef(() => categories.id),
    name: text().notNull(),
    tagline: text().notNull().default(""),
    description: text().notNull().default(""),
    /** Short selling points shown on the Overview tab, in order. */
    highlights: jsonb().$type<string[]>().notNull().default([]),
    featured: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    /**
     * Units of this product (all its versions together) one order may hold; the marketer sets it in the console.
     * The default is the store-wide line limit, MAX_LINE_QUANTITY.
     */
    maxPerOrder: smallint().notNull().default(99),
    ...timestamps,
  },
  (t) => [
    check("products_max_per_order_range", sql`${t.maxPerOrder} between 1 and 99`),
    index("products_category_idx").on(t.categoryId),
    index("products_name_lower_idx").on(sql`lower(${t.name})`),
  ],
);
export type Product = typeof products.$inferSelect;

export const productImages = pgTable(
  "product_images",
  {
    id: identity(),
    productId: integerRef(() => products.id, "cascade"),
    /** The colour this image shows; null for images that fit every colour. */
    colour: text(),
    url: text().notNull(),
    alt: text().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [index("product_images_product_idx").on(t.productId, t.position)],
);
export type ProductImage = typeof productImages.$inferSelect;

/**
 * A sellable variant (colour × storage) with its own price and stock.
 * Stock accounting: quantity = available + held + sold, enforced by the database.
 */
export const skus = pgTable(
  "skus",
  {
    id: identity(),
    productId: integerRef(() => products.id, "cascade"),
    code: text().notNull().unique(),
    colour: text().notNull(),
    colourHex: char({ length: 7 }).notNull(),
    /** e.g. "8 GB + 256 GB"; null for products with one size. */
    storage: text(),
    priceMinor: integer().notNull(),
    listPriceMinor: integer().notNull(),
    currency: char({ length: 3 }).notNull(),
    ...stockColumns(),
    position: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index("skus_product_idx").on(t.productId, t.position),
    check("skus_stock_invariant", sql`${t.quantity} = ${t.available} + ${t.held} + ${t.sold}`),
    check("skus_stock_non_negative", sql`${t.available} >= 0 and ${t.held} >= 0 and ${t.sold} >= 0`),
    check("skus_price_non_negative", sql`${t.priceMinor} >= 0 and ${t.listPriceMinor} >= ${t.priceMinor}`),
  ],
);
export type Sku = typeof skus.$inferSelect;

export const productSpecs = pgTable(
  "product_specs",
  {
    id: identity(),
    productId: integerRef(() => products.id, "cascade"),
    groupName: text().notNull(),
    label: text().notNull(),
    value: text().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [index("product_specs_product_idx").on(t.productId, t.position)],
);
export type ProductSpec = typeof productSpecs.$inferSelect;

// Reviews live in ./reviews.ts (they point at the order line they review).

// ─── Carts ───────────────────────────────────────────────────────────────────

/** A cart belongs to one signed-in user, or to a guest identified by an unguessable cookie (the cart id). */
export const carts = pgTable(
  "carts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("carts_user_idx").on(t.userId)],
);
export type Cart = typeof carts.$inferSelect;

export const cartLines = pgTable(
  "cart_lines",
  {
    cartId: uuidRef(() => carts.id, "cascade"),
    skuId: integerRef(() => skus.id, "cascade"),
    quantity: integer().notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.skuId] }),
    check("cart_lines_quantity_range", sql`${t.quantity} between 1 and 99`),
  ],
);
export type CartLine = typeof cartLines.$inferSelect;

// ─── Relations (for drizzle's relational queries) ───────────────────────────

export const categoriesRelations = relations(categories, ({ many }) => ({ products: many(products) }));

export const productsRelations = relations(products, ({ one, many }) => ({
  category: one(categories, { fields: [products.categoryId], references: [categories.id] }),
  images: many(productImages),
  skus: many(skus),
  specs: many(productSpecs),
}));

export const productImagesRelations = relations(productImages, ({ one }) => ({
  product: one(products, { fields: [productImages.productId], references: [products.id] }),
}));

export const skusRelations = relations(skus, ({ one }) => ({
  product: one(products, { fields: [skus.productId], references: [products.id] }),
}));

export const productSpecsRelations = relations(productSpecs, ({ one }) => ({
  product: one(products, { fields: [productSpecs.productId], references: [products.id] }),
}));

export const cartsRelations = relations(carts, ({ many }) => ({ lines: many(cartLines) }));

export const cartLinesRelations = relations(cartLines, ({ one }) => ({
  cart: one(carts, { fields: [cartLines.cartId], references: [carts.id] }),
  sku: one(skus, { fields: [cartLines.skuId], references: [skus.id] }),
}));
