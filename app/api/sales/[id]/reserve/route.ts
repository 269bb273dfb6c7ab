import { plainFromWeb, webFromPlain } from "@/lib/http/plain";
import { answerReserve } from "@/lib/sales/reserve-endpoint";

export const dynamic = "force-dynamic";

/**
 * The same reserve as the Buy now button, for API clients and the HTTP benchmark: JSON in, JSON out, 429 with
 * Retry-After when a fan or an address is going too fast. Under scripts/server.mjs (npm start, production) the
 * lean handler in front of Next answers this path with the same function (lib/sales/hot-path.ts); this route
 * answers it under `next dev` and bare `next start`.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return webFromPlain(await answerReserve(plainFromWeb(request), id));
}
