import { getCachedReviewPageForSlug } from "@/lib/reviews/cached";
import { parseReviewQuery } from "@/lib/reviews/review-query";

export const dynamic = "force-dynamic";

/**
 * Reviews beyond the first page that the cached product page carries (another sort, page or star filter). The same
 * answer for everyone, so a CDN may share it; junk input is bounded in lib/reviews/review-query.ts, never a 500.
 */
const SHARED = "public, s-maxage=30, stale-while-revalidate=60";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const query = parseReviewQuery(new URL(request.url).searchParams);
  const page = await getCachedReviewPageForSlug({ slug, query });
  if (!page) {
    return Response.json({ error: "unknown product" }, { status: 404, headers: { "cache-control": SHARED } });
  }
  return Response.json(page, { headers: { "cache-control": SHARED } });
}
