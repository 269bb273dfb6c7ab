import { ne } from "drizzle-orm";
import { categories, products, sales } from "@/db/schema";
import { getDb } from "@/lib/db";

/**
 * The slugs that name a real page, known to the proxy so that a made-up one is answered 404 before it reaches a
 * cached route (where each would become a cache entry and a database read). Read once, then again at most once a
 * second and only when a slug is not found: a new sale is a page within a second, and a flood of junk slugs costs
 * at most one small query a second.
 */
export interface PageSlugs {
  categories: ReadonlySet<string>;
  products: ReadonlySet<string>;
  sales: ReadonlySet<string>;
}

const REFRESH_MIN_MS = 1_000;
const state: { slugs: PageSlugs | null; readAt: number; reading: Promise<PageSlugs> | null } = {
  slugs: null,
  readAt: 0,
  reading: null,
};

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

function refresh(now: number): Promise<PageSlugs> {
  if (!state.reading) {
    state.readAt = now;
    state.reading = readSlugs()
      .then((slugs) => {
        state.slugs = slugs;
        return slugs;
      })
      .finally(() => {
        state.reading = null;
      });
  }
  return state.reading;
}

/** Whether `slug` names a page of this kind; unknown ones re-read the list when the last read is a second old. */
export async function isPageSlug(kind: keyof PageSlugs, slug: string, now = Date.now()): Promise<boolean> {
  const known = state.slugs ?? (await refresh(now));
  if (known[kind].has(slug)) return true;
  if (now - state.readAt < REFRESH_MIN_MS) return false;
  return (await refresh(now))[kind].has(slug);
}
