import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: [
    "./db/schema/catalog.ts",
    "./db/schema/orders.ts",
    "./db/schema/sales.ts",
    "./db/schema/queue.ts",
    "./db/schema/admin.ts",
    "./db/schema/addresses.ts",
    "./db/schema/mail.ts",
    "./db/schema/fulfilment.ts",
    "./db/schema/contact.ts",
    "./db/schema/accounts.ts",
    "./db/schema/returns.ts",
    "./db/schema/points.ts",
    "./db/schema/fcodes.ts",
    "./db/schema/reviews.ts",
    "./db/schema/draws.ts",
    "./db/schema/waitlist.ts",
    "./db/schema/betas.ts",
  ],
  out: "./db/migrations",
  casing: "snake_case",
});
