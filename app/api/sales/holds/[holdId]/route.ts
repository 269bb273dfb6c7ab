import { getCurrentUser } from "@/lib/auth/session";
import { pollCheckoutLine } from "@/lib/checkout/sale-line";
import { isUuid } from "@/lib/ids";
import { getRequestNow } from "@/lib/qa/now";

export const dynamic = "force-dynamic";

/** A fan's place in the checkout line for their reserved unit (owner only). */
export async function GET(_request: Request, { params }: { params: Promise<{ holdId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "sign in" }, { status: 401 });
  const { holdId } = await params;
  if (!isUuid(holdId)) return Response.json({ status: "unknown" }, { status: 404 });
  const status = await pollCheckoutLine({ holdId, userId: user.id, now: await getRequestNow() });
  return Response.json(status, {
    status: status.status === "unknown" ? 404 : 200,
    headers: { "cache-control": "no-store" },
  });
}
