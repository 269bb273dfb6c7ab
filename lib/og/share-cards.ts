import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { getCachedProductDetail } from "@/lib/catalog/cached";
import { isPageSlug } from "@/lib/catalog/page-slugs";
import { formatMoney } from "@/lib/money";
import { getCachedSale } from "@/lib/sales/cached";
import { formatSaleTime } from "@/lib/sales/rules";

/*
 * What the Open Graph image of a product or a sale shows (app/(shop)/…/opengraph-image.tsx draws it with
 * next/og). Everything comes from the same cached reads as the pages, after the slug is checked against the known
 * list, so a crawler asking for junk costs no query and no cache entry. The picture is the product's own SVG
 * render from public/, embedded as a data URL: nothing is fetched over the network.
 */

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

export interface ShareCard {
  /** "Flash sale" or the category. */
  kicker: string;
  title: string;
  /** e.g. "¥2,999.00". */
  price: string;
  /** The versions are priced differently: `price` is the lowest ("from"). */
  from: boolean;
  /** The everyday price when the sale is below it. */
  listPrice: string | null;
  /** The sale's start ("10,000 units · Sat, Mar 14, 12:00 PM GMT+8"), its sold-out boast, or the tagline. */
  line: string;
  imageDataUrl: string | null;
}

/**
 * The bundled font (next/og's own Geist) has Latin glyphs; anything else would make the renderer look for a font
 * on the network. Such characters are left out of the picture (the page's own title keeps them).
 */
export function drawableText(text: string): string {
  return text
    .replace(/[^\u0020-\u024F\u2010-\u2027\u2030-\u205E\u20A0-\u20CF]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

const PUBLIC_IMAGE = /^\/images\/[a-z0-9/_-]+\.svg$/i;

/** One of our product renders as a data URL, or null for anything that is not one. */
async function imageDataUrl(url: string | null | undefined): Promise<string | null> {
  if (!url || !PUBLIC_IMAGE.test(url) || url.includes("..")) return null;
  try {
    const svg = await readFile(path.join(process.cwd(), "public", url));
    return `data:image/svg+xml;base64,${svg.toString("base64")}`;
  } catch {
    return null;
  }
}

/**
 * A card's price from the versions on offer: the cheapest one's (by `priceMinor`, the price this card shows),
 * "from" when the versions' prices differ, and the list price when it is higher. Null when nothing is on offer.
 */
function cardPrice<Sku extends { currency: string; listPriceMinor: number }>(
  skus: readonly Sku[],
  priceMinor: (sku: Sku) => number,
): Pick<ShareCard, "price" | "from" | "listPrice"> | null {
  const cheapest = skus.reduce<Sku | undefined>(
    (best, s) => (!best || priceMinor(s) < priceMinor(best) ? s : best),
    undefined,
  );
  if (!cheapest) return null;
  const amount = priceMinor(cheapest);
  return {
    price: formatMoney(amount, cheapest.currency),
    from: skus.some((s) => priceMinor(s) !== amount),
    listPrice:
      cheapest.listPriceMinor > amount ? formatMoney(cheapest.listPriceMinor, cheapest.currency) : null,
  };
}

export async function getProductShareCard(slug: string): Promise<ShareCard | null> {
  if (!(await isPageSlug("products", slug))) return null;
  const product = await getCachedProductDetail(slug);
  const price = product && cardPrice(product.skus, (s) => s.priceMinor);
  if (!product || !price) return null;
  return {
    kicker: drawableText(product.category.name),
    title: drawableText(product.name),
    ...price,
    line: drawableText(product.tagline),
    imageDataUrl: await imageDataUrl(product.images[0]?.url),
  };
}

export async function getSaleShareCard(
  slug: string,
  { now, timeZone }: { now: Date; timeZone: string },
): Promise<ShareCard | null> {
  if (!(await isPageSlug("sales", slug))) return null;
  const sale = await getCachedSale(slug);
  const price = sale && cardPrice(sale.skus, (s) => s.salePriceMinor);
  if (!sale || !price) return null;
  const units = new Intl.NumberFormat("en-US").format(sale.totalQuantity);
  const line = sale.boast
    ? `${sale.boast}. Thank you, Kite fans.`
    : now < sale.startsAt
      ? `${units} units · ${formatSaleTime(sale.startsAt, { timeZone })} · register now`
      : now < sale.endsAt
        ? `${units} units · on sale now`
        : `${units} units · this sale has ended`;
  return {
    kicker: "Flash sale",
    title: drawableText(sale.name),
    ...price,
    line: drawableText(line),
    imageDataUrl: await imageDataUrl(sale.product.imageUrl),
  };
}
