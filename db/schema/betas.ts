import { relations, sql } from "drizzle-orm";
import { char, check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { products, skus, users } from "./catalog";
import { createdAt, integerRef, timestamptz, uuidRef } from "./columns";
import { orders } from "./orders";

/**
 * A beta: a marketer offers `seats` units of one version (`skuId`) to selected fans at a token price plus a
 * points cost. `seatsTaken` counts live purchases (pending or paid beta orders): one conditional increment per
 * purchase (`seats_taken < seats`), decremented when a pending beta order is released (lib/beta/commands.ts).
 */
export const betas = pgTable(
  "betas",
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: integerRef(() => products.id),
    skuId: integerRef(() => skus.id),
    title: text().notNull(),
    /** What an applicant must write about. */
    prompt: text().notNull(),
    seats: integer().notNull(),
    seatsTaken: integer().notNull().default(0),
    tokenPriceMinor: integer().notNull(),
    currency: char({ length: 3 }).notNull(),
    pointsCost: integer().notNull(),
    opensAt: timestamptz().notNull(),
    closesAt: timestamptz().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("betas_closes_idx").on(t.closesAt),
    check("betas_seats_range", sql`${t.seats} between 1 and 10000`),
    check("betas_seats_taken_range", sql`${t.seatsTaken} between 0 and ${t.seats}`),
    check("betas_token_price_non_negative", sql`${t.tokenPriceMinor} >= 0`),
    check("betas_points_cost_non_negative", sql`${t.pointsCost} >= 0`),
    check("betas_window_ordered", sql`${t.opensAt} < ${t.closesAt}`),
    check("betas_title_length", sql`length(${t.title}) between 1 and 120`),
    check("betas_prompt_length", sql`length(${t.prompt}) between 1 and 500`),
  ],
);
export type Beta = typeof betas.$inferSelect;

export const betaApplicationStatus = pgEnum("beta_application_status", [
  "applied",
  "selected",
  "not_selected",
]);
export type BetaApplicationStatus = (typeof betaApplicationStatus.enumValues)[number];

/**
 * One fan's application to one beta (unique per beta and account), with their statement. `orderId` is their
 * latest beta order: a live one (pending or paid) is their seat; a released one lets them buy again.
 */
export const betaApplications = pgTable(
  "beta_applications",
  {
    id: uuid().primaryKey().defaultRandom(),
    betaId: uuidRef(() => betas.id, "cascade"),
    userId: uuidRef(() => users.id, "cascade"),
    statement: text().notNull(),
    status: betaApplicationStatus().notNull().default("applied"),
    decidedAt: timestamptz(),
    orderId: uuid().references(() => orders.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("beta_applications_beta_user_idx").on(t.betaId, t.userId),
    index("beta_applications_beta_idx").on(t.betaId, t.status, t.createdAt),
    index("beta_applications_user_idx").on(t.userId),
    uniqueIndex("beta_applications_order_idx").on(t.orderId),
    check("beta_applications_statement_length", sql`length(${t.statement}) between 20 and 1000`),
  ],
);
export type BetaApplication = typeof betaApplications.$inferSelect;

export const betasRelations = relations(betas, ({ one, many }) => ({
  product: one(products, { fields: [betas.productId], references: [products.id] }),
  sku: one(skus, { fields: [betas.skuId], references: [skus.id] }),
  applications: many(betaApplications),
}));

export const betaApplicationsRelations = relations(betaApplications, ({ one }) => ({
  beta: one(betas, { fields: [betaApplications.betaId], references: [betas.id] }),
  user: one(users, { fields: [betaApplications.userId], references: [users.id] }),
}));
