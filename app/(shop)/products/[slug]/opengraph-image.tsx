import { notFound } from "next/navigation";
import { ImageResponse } from "next/og";
import { ShareCard } from "@/components/og/share-card";
import { getProductShareCard, SHARE_IMAGE_SIZE } from "@/lib/og/share-cards";

/**
 * The product's share picture (og:image and twitter:image on its page): name, price, tagline and render, drawn
 * with next/og's bundled font, nothing fetched. Rendered per request (slug checked before any read, so junk is a
 * 404 that is never stored); CDNs may keep it five minutes, so a new price shows soon.
 */
export const dynamic = "force-dynamic";
export const alt = "The product, its price and what it is, on Kite";
export const size = SHARE_IMAGE_SIZE;
export const contentType = "image/png";

export default async function ProductShareImage({ params }: { params: Promise<{ slug: string }> }) {
  const card = await getProductShareCard((await params).slug);
  if (!card) notFound();
  return new ImageResponse(<ShareCard card={card} />, {
    ...SHARE_IMAGE_SIZE,
    headers: { "cache-control": "public, max-age=300, s-maxage=300, stale-while-revalidate=3600" },
  });
}
