import { notFound } from "next/navigation";
import { ImageResponse } from "next/og";
import { ShareCard } from "@/components/og/share-card";
import { env } from "@/lib/env";
import { getSaleShareCard, SHARE_IMAGE_SIZE } from "@/lib/og/share-cards";
import { getRequestNow } from "@/lib/qa/now";

/**
 * The sale's share picture: its name, sale price, and its start ("10,000 units · Sat, Mar 14, 12:00 PM GMT+8")
 * or, once sold out, the boast. Per request and kept by CDNs for a minute only, since the line changes at the
 * start and at the sell-out (next/og's default is a year, immutable).
 */
export const dynamic = "force-dynamic";
export const alt = "The flash sale, its price and when it starts, on Kite";
export const size = SHARE_IMAGE_SIZE;
export const contentType = "image/png";

export default async function SaleShareImage({ params }: { params: Promise<{ slug: string }> }) {
  const card = await getSaleShareCard((await params).slug, {
    now: await getRequestNow(),
    timeZone: env.STORE_TIMEZONE,
  });
  if (!card) notFound();
  return new ImageResponse(<ShareCard card={card} />, {
    ...SHARE_IMAGE_SIZE,
    headers: { "cache-control": "public, max-age=60, s-maxage=60, stale-while-revalidate=300" },
  });
}
