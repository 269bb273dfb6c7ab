import { ne } from "drizzle-orm";
import { categories, products, sales } from "@/db/schema";
import { getDb } from "@/lib/db";

/**
 * The slugs that name a real page, known to the proxy so that a made-up one is answered 404 before it reaches a
 * cached route (where each would become a cache entry and a database read).
 */
export interface PageSlugs {
  categories: ReadonlySet<string>;
  products: ReadonlySet<string>;
  sales: ReadonlySet<string>;
}

export type SlugKind = keyof PageSlugs;

/**
 * A list read once, then read again only when a slug is not in it: by a read that *starts after* the miss arrived
 * (so it sees every row committed before that request), at most one read per `minIntervalMs`, shared by every miss
 * waiting for it. A slug created a moment ago is therefore a page on its very first request (it waits up to
 * `minIntervalMs` at worst, never a 404), and a flood of junk slugs costs at most one small query per interval.
 *
 * The earlier shape answered "no" to any miss within a second of the last read, and joined a read already under
 * way: a sale created just after a read (a crowd opening it the moment it is announced) was a 404 for everyone for
 * up to a second, which the browser race in the full e2e suite hit.
 */
export function createSlugList<T>(
  read: () => Promise<T>,
  { minIntervalMs, clock = Date.now }: { minIntervalMs: number; clock?: () => number },
) {
  let current: T | null = null;
  let lastStart = Number.NEGATIVE_INFINITY;
  /** The next read, not started yet: every miss until it starts can wait for it. */
  let pending: Promise<T> | null = null;

  function nextRead(): Promise<T> {
    if (pending) return pending;
    const wait = Math.max(0, lastStart + minIntervalMs - clock());
    const started = new Promise<void>((resolve) => (wait === 0 ? resolve() : setTimeout(resolve, wait)));
    const reading = started.then(async () => {
      pending = null;
      lastStart = clock();
      const value = await read();
      current = value;
      return value;
    });
    pending = reading;
    // A failed read leaves the last good list in place; the caller of this read sees the error.
    reading.catch(() => {});
    return reading;
  }

  return {
    /** The list as last read (reading it the first time). */
    async get(): Promise<T> {
      return current ?? nextRead();
    },
    /** A list read after this call was made. */
    fresh: nextRead,
  };
}

async function readSlugs(): Promise<PageSlugs> {
  const db = await getDb();
  const [c, p, s] = await Promise.all([
    db.select({ slug: categories.slug }).from(categories),
    db.select({ slug: products.slug }).from(products),
    db.select({ slug: sales.slug }).from(sales).where(ne(sales.status, "draft")),
  ]);
  return {
    categories: new Set(c.map((r) => r.slug)),
    products: new Set(p.map((r) => r.slug)),
    sales: new Set(s.map((r) => r.slug)),
  };
}

const slugList = createSlugList(readSlugs, { minIntervalMs: 1_000 });

/** Whether `slug` names a page of this kind; a miss is checked again against a list read after it arrived. */
export async function isPageSlug(kind: SlugKind, slug: string): Promise<boolean> {
  if ((await slugList.get())[kind].has(slug)) return true;
  return (await slugList.fresh())[kind].has(slug);
}
