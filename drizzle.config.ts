import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: ["./db/schema/catalog.ts", "./db/schema/orders.ts"],
  out: "./db/migrations",
  casing: "snake_case",
});
