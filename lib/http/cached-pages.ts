import { HELP_PATH, isHelpTopicSlug } from "@/lib/help/topics";
import { storeDayOf } from "@/lib/sales/store-day";

/**
 * Which pages every visitor reads the same and a cache may share (issue 16), and where the homepage lives.
 *
 * The homepage changes with the store day, so its cached copy is kept per day: `/` is served from `/home/<day>`
 * (app/(shop)/home/[day]), rendered on the day's first visit and from cache after that. At local midnight the
 * proxy starts asking for the next day's page, which renders fresh: the rollover needs no timer and no redeploy,
 * and nothing is rendered at build time (the build has no database). `/home/…` asked for directly is not a page.
 * The help centre and its service pages (`/help`, `/help/<topic>`) are the same for everyone too.
 */
const CACHED_PAGE =
  /^\/(?:$|home\/|category\/[^/]+$|products\/[^/]+$|sales\/(?!holds\/)[^/]+$|help(?:$|\/)|club$)/;
export const HOME_DAY_PREFIX = "/home/";
/** The Kite Club's published rules: one page, no sub-pages. */
const CLUB_PATH = "/club";
const NOT_A_PAGE = "/_not-a-page";

export function isCachedPagePath(pathname: string): boolean {
  return CACHED_PAGE.test(pathname);
}

const SLUG_PAGE = /^\/(category|products|sales)\/([^/]+)$/;
const KIND = { category: "categories", products: "products", sales: "sales" } as const;

/**
 * The internal path a request is served from, or null to serve it as asked. A slug that names no page is sent to
 * the plain 404 (rendered per request, never cached), so junk cannot grow the cache.
 */
export async function cachedPageRewrite(
  pathname: string,
  now: Date,
  timeZone: string,
  isPageSlug: (kind: "categories" | "products" | "sales", slug: string) => Promise<boolean>,
): Promise<string | null> {
  if (pathname === "/") return `${HOME_DAY_PREFIX}${storeDayOf(now, timeZone)}`;
  if (pathname.startsWith(HOME_DAY_PREFIX)) return NOT_A_PAGE;
  if (pathname.startsWith(`${CLUB_PATH}/`)) return NOT_A_PAGE;
  if (pathname.startsWith(`${HELP_PATH}/`)) {
    return isHelpTopicSlug(pathname.slice(HELP_PATH.length + 1)) ? null : NOT_A_PAGE;
  }
  const match = SLUG_PAGE.exec(pathname);
  if (match?.[1] && match[2] && match[2] !== "holds") {
    const kind = KIND[match[1] as keyof typeof KIND];
    if (!(await isPageSlug(kind, match[2]))) return NOT_A_PAGE;
  }
  return null;
}
