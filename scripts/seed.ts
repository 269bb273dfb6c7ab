/**
 * Loads the demo catalogue and accounts: `npx tsx scripts/seed.ts`.
 * Uses DATABASE_URL when set, else the PGlite folder in PGLITE_DIR (default .data/pglite). Do not point it at a
 * folder a running server holds: PGlite has no cross-process locking.
 */
import { count } from "drizzle-orm";
import { openDb } from "../db/client";
import { categories, products, reviews, skus, users } from "../db/schema";
import { seedDemo } from "../db/seed";
import { seedDemoBeta } from "../lib/beta/demo";
import { seedDemoSales } from "../lib/sales/demo";

async function main(): Promise<void> {
  // The demo accounts' passwords are printed in the README: never in a production database.
  if (process.env.STORE_ENV === "production") {
    console.error("scripts/seed.ts loads demo accounts and data; it refuses STORE_ENV=production.");
    process.exit(1);
  }
  const started = performance.now();
  const handle = await openDb({
    url: process.env.DATABASE_URL,
    dataDir: process.env.PGLITE_DIR ?? ".data/pglite",
  });
  try {
    const seedStarted = performance.now();
    await seedDemo(handle.db);
    await seedDemoSales(handle.db, { now: new Date() });
    await seedDemoBeta(handle.db, { now: new Date() });
    const seedMs = Math.round(performance.now() - seedStarted);
    const tally = async (
      table: typeof categories | typeof products | typeof skus | typeof reviews | typeof users,
    ) => (await handle.db.select({ n: count() }).from(table))[0]?.n ?? 0;
    const [c, p, s, r, u] = await Promise.all([
      tally(categories),
      tally(products),
      tally(skus),
      tally(reviews),
      tally(users),
    ]);
    const totalMs = Math.round(performance.now() - started);
    console.log(
      `Seeded ${handle.engine}: ${c} categories, ${p} products, ${s} SKUs, ${r} reviews, ${u} users in ${seedMs} ms (${totalMs} ms with open and migrate).`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
