import { revalidatePath, revalidateTag } from "next/cache";
import { CATALOG_TAGS } from "@/lib/catalog/cached";
import { HERO_TAG } from "@/lib/hero/cached";
import { refuseUnlessQa } from "@/lib/qa/guard";
import { resetStoreData } from "@/lib/qa/reset";
import { SALE_TAGS } from "@/lib/sales/cached";

export const dynamic = "force-dynamic";

/** Re-seeds this (non-production) deployment to the known demo state. */
export async function POST(request: Request) {
  const refused = refuseUnlessQa(request);
  if (refused) return refused;
  const started = Date.now();
  await resetStoreData();
  revalidateTag(CATALOG_TAGS.products, { expire: 0 });
  revalidateTag(SALE_TAGS.all, { expire: 0 });
  revalidateTag(HERO_TAG, { expire: 0 });
  revalidatePath("/", "layout");
  return Response.json({ ok: true, ms: Date.now() - started });
}
