import bcrypt from "bcryptjs";
import { and, eq, getTableColumns, inArray, isNull, ne, type SQL, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db, Tx } from "./client";
import { addresses, categories, productImages, productSpecs, products, reviews, skus, users } from "./schema";
import {
  DEMO_ADDRESSES,
  DEMO_CATEGORIES,
  DEMO_CURRENCY,
  DEMO_PRODUCTS,
  DEMO_SHOPPER_POINTS,
  DEMO_USERS,
  imagesFor,
  ORDER_LIMIT_BY_KIND,
  reviewsFor,
  skusFor,
} from "./seed-data";

const BCRYPT_COST = 10;

/**
 * `set` and `setWhere` for an upsert that copies the listed columns from the proposed row and bumps updatedAt,
 * but only when something changed: a second run leaves every row, timestamps included, as it was.
 */
function upsertFrom<T extends PgTable>(table: T, keys: (keyof T["$inferInsert"] & string)[]) {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const set: Record<string, SQL> = {};
  const current: PgColumn[] = [];
  const proposed: SQL[] = [];
  for (const key of keys) {
    const column = columns[key];
    if (!column) throw new Error(`no column ${key}`);
    // Every column here is declared without an explicit name, so the SQL name is the key in snake_case.
    const excluded = sql.raw(`excluded."${toSnakeCase(column.name)}"`);
    set[key] = excluded;
    current.push(column);
    proposed.push(excluded);
  }
  return {
    set: { ...set, updatedAt: sql`now()` },
    setWhere: sql`(${sql.join(current, sql`, `)}) is distinct from (${sql.join(proposed, sql`, `)})`,
  };
}

/**
 * An insert that names only the columns given (drizzle's insert names every column of today's schema, `default`
 * for the rest): the upgrade test seeds a database an earlier release migrated, whose tables lack later columns.
 * Values are encoded by their columns (jsonb, timestamps).
 */
function insertColumns<T extends PgTable>(table: T, rows: Partial<T["$inferInsert"]>[]): SQL {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const column = (key: string) => {
    const c = columns[key];
    if (!c) throw new Error(`no column ${key}`);
    return c;
  };
  const keys = Object.keys(rows[0] ?? {});
  const values = rows.map(
    (row) =>
      sql`(${sql.join(
        keys.map((k) => sql.param((row as Record<string, unknown>)[k], column(k))),
        sql`, `,
      )})`,
  );
  return sql`insert into ${table} (${sql.join(
    keys.map((k) => columnName(column(k))),
    sql`, `,
  )}) values ${sql.join(values, sql`, `)}`;
}

const columnName = (c: PgColumn) => sql.raw(`"${toSnakeCase(c.name)}"`);

/** `insertColumns`, and on conflict `upsertFrom`'s rule for the `update` columns. */
function upsertColumns<T extends PgTable>(
  table: T,
  rows: Partial<T["$inferInsert"]>[],
  {
    target,
    update,
  }: { target: keyof T["$inferInsert"] & string; update: (keyof T["$inferInsert"] & string)[] },
): SQL {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const name = (key: string) => {
    const c = columns[key];
    if (!c) throw new Error(`no column ${key}`);
    return columnName(c);
  };
  const set = [...update.map((k) => sql`${name(k)} = excluded.${name(k)}`), sql`"updated_at" = now()`];
  return sql`${insertColumns(table, rows)}
    on conflict (${name(target)}) do update set ${sql.join(set, sql`, `)}
    where ${upsertFrom(table, update).setWhere}`;
}

/** A demo account without any address gets its demo default (one the fan added or changed is left alone). */
async function seedAddresses(tx: Tx): Promise<void> {
  for (const demo of DEMO_USERS) {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, demo.email.toLowerCase()));
    if (!user) continue;
    const [any] = await tx
      .select({ id: addresses.id })
      .from(addresses)
      .where(eq(addresses.userId, user.id))
      .limit(1);
    if (!any)
      await tx.insert(addresses).values({ ...DEMO_ADDRESSES[demo.email], userId: user.id, isDefault: true });
  }
}

async function seedUsers(tx: Tx): Promise<void> {
  const emails = DEMO_USERS.map((u) => u.email.toLowerCase());
  const existing = await tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      hash: users.passwordHash,
    })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, emails));

  for (const demo of DEMO_USERS) {
    const row = existing.find((u) => u.email.toLowerCase() === demo.email.toLowerCase());
    if (!row) {
      const passwordHash = await bcrypt.hash(demo.password, BCRYPT_COST);
      // Only the columns every release's users table has: the upgrade test seeds a database migrated by an earlier
      // release, and drizzle's insert names every column of today's schema (sessions_valid_after came in 0010).
      await tx.execute(
        sql`insert into users (email, name, role, password_hash) values (${demo.email}, ${demo.name}, ${demo.role}, ${passwordHash})`,
      );
      continue;
    }
    // Rehash only when the demo password no longer matches, so a rerun changes nothing.
    const passwordOk = await bcrypt.compare(demo.password, row.hash);
    if (passwordOk && row.name === demo.name && row.role === demo.role) continue;
    await tx
      .update(users)
      .set({
        name: demo.name,
        role: demo.role,
        passwordHash: passwordOk ? row.hash : await bcrypt.hash(demo.password, BCRYPT_COST),
      })
      .where(eq(users.id, row.id));
  }
}

/**
 * Loads the demo catalogue and the two demo accounts, in one transaction.
 *
 * Idempotent: categories, products and SKUs are upserted by slug/code (their ids stay stable, so carts and orders
 * that point at them survive a reseed); images, specs and the seeded reviews (those without a user) of the demo
 * products are replaced. SKU stock is reset to the demo figure while units already held or sold are kept, so
 * `quantity = available + held + sold` always holds.
 */
export async function seedDemo(
  db: Db,
  options: {
    onlyIfEmpty?: boolean;
    /**
     * A database the first release migrated (the upgrade test seeds one): only the columns it had, so no address
     * book and no per-product order limits.
     */
    firstRelease?: boolean;
  } = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    if (options.onlyIfEmpty) {
      const [any] = await tx.select({ id: categories.id }).from(categories).limit(1);
      if (any) return;
    }

    await tx
      .insert(categories)
      .values(DEMO_CATEGORIES.map((c, position) => ({ ...c, position })))
      .onConflictDoUpdate({
        target: categories.slug,
        ...upsertFrom(categories, ["name", "description", "position"]),
      });
    // Unchanged rows return nothing from `returning` (their setWhere is false), so read the ids back.
    const categoryIds = await idsBySlug(
      tx,
      categories,
      DEMO_CATEGORIES.map((c) => c.slug),
    );

    const productColumns = [
      "categoryId",
      "name",
      "tagline",
      "description",
      "highlights",
      "featured",
      "position",
    ] as const;
    await tx.execute(
      upsertColumns(
        products,
        DEMO_PRODUCTS.map((p, position) => ({
          slug: p.slug,
          categoryId: required(categoryIds.get(p.categorySlug), `category ${p.categorySlug}`),
          name: p.name,
          tagline: p.tagline,
          description: p.description,
          highlights: [...p.highlights],
          featured: p.featured,
          position,
        })),
        { target: "slug", update: [...productColumns] },
      ),
    );
    const productIds = await idsBySlug(
      tx,
      products,
      DEMO_PRODUCTS.map((p) => p.slug),
    );
    const ids = [...productIds.values()];
    const idOf = (slug: string) => required(productIds.get(slug), `product ${slug}`);

    const skuUpsert = upsertFrom(skus, [
      "productId",
      "colour",
      "colourHex",
      "storage",
      "priceMinor",
      "listPriceMinor",
      "currency",
      "available",
      "position",
    ]);
    await tx
      .insert(skus)
      .values(
        DEMO_PRODUCTS.flatMap((p) =>
          skusFor(p).map((s) => ({
            productId: idOf(p.slug),
            code: s.code,
            colour: s.colour,
            colourHex: s.colourHex,
            storage: s.storage,
            priceMinor: s.priceMinor,
            listPriceMinor: s.listPriceMinor,
            currency: DEMO_CURRENCY,
            quantity: s.stock,
            available: s.stock,
            held: 0,
            sold: 0,
            position: s.position,
          })),
        ),
      )
      .onConflictDoUpdate({
        target: skus.code,
        set: {
          ...skuUpsert.set,
          // Keep units that are held or sold right now; only the free stock goes back to the demo figure.
          quantity: sql`excluded.available + ${skus.held} + ${skus.sold}`,
        },
        setWhere: skuUpsert.setWhere,
      });

    await tx.delete(productImages).where(inArray(productImages.productId, ids));
    await tx.delete(productSpecs).where(inArray(productSpecs.productId, ids));
    await tx.delete(reviews).where(and(inArray(reviews.productId, ids), isNull(reviews.userId)));

    await tx.insert(productImages).values(
      DEMO_PRODUCTS.flatMap((p) =>
        imagesFor(p).map((img) => ({
          productId: idOf(p.slug),
          colour: img.colour,
          url: img.url,
          alt: img.alt,
          position: img.position,
        })),
      ),
    );
    await tx.insert(productSpecs).values(
      DEMO_PRODUCTS.flatMap((p) => {
        let position = 0;
        return p.specs.flatMap((group) =>
          group.rows.map(([label, value]) => ({
            productId: idOf(p.slug),
            groupName: group.group,
            label,
            value,
            position: position++,
          })),
        );
      }),
    );
    // Named columns only: a database of the first release has no order lines on reviews yet.
    await tx.execute(
      insertColumns(
        reviews,
        DEMO_PRODUCTS.flatMap((p) =>
          reviewsFor(p).map((r) => ({ ...r, productId: idOf(p.slug), userId: null })),
        ),
      ),
    );

    await seedUsers(tx);
    if (!options.firstRelease) {
      await seedAddresses(tx);
      await seedOrderLimits(tx);
      await seedShopperPoints(tx);
    }
  });
}

/**
 * The demo shopper's points, through the ledger's shape: one `adjustment` entry (unique by reason and cause, so a
 * rerun adds nothing) and the account's balance and lifetime points moved by the same amount in the same statement.
 * Plain SQL, since the seed script runs without the app's server modules.
 */
async function seedShopperPoints(tx: Tx): Promise<void> {
  const { email, amount, cause, note, referralCode } = DEMO_SHOPPER_POINTS;
  await tx.execute(sql`
    insert into points_accounts (user_id, referral_code)
    select id, ${referralCode} from users where lower(email) = lower(${email})
    on conflict do nothing`);
  await tx.execute(sql`
    with entry as (
      insert into points_entries (user_id, reason, cause, amount, balance_after, note)
      select p.user_id, 'adjustment', ${cause}, ${amount}::int, p.balance + ${amount}::int, ${note}
      from points_accounts p join users u on u.id = p.user_id
      where lower(u.email) = lower(${email})
      on conflict do nothing
      returning user_id, amount
    )
    update points_accounts p
    set balance = p.balance + entry.amount, lifetime_earned = p.lifetime_earned + entry.amount
    from entry where p.user_id = entry.user_id`);
}

/** Each demo product's per-order limit, by kind: two phones per order, five power banks. */
async function seedOrderLimits(tx: Tx): Promise<void> {
  for (const p of DEMO_PRODUCTS) {
    const limit = ORDER_LIMIT_BY_KIND[p.kind];
    await tx
      .update(products)
      .set({ maxPerOrder: limit, updatedAt: sql`now()` })
      .where(and(eq(products.slug, p.slug), ne(products.maxPerOrder, limit)));
  }
}

async function idsBySlug(
  tx: Tx,
  table: typeof categories | typeof products,
  slugs: string[],
): Promise<Map<string, number>> {
  const rows = await tx
    .select({ id: table.id, slug: table.slug })
    .from(table)
    .where(inArray(table.slug, slugs));
  return new Map(rows.map((r) => [r.slug, r.id]));
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`seed: missing ${what}`);
  return value;
}
