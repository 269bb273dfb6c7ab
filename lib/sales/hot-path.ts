import type { IncomingMessage, ServerResponse } from "node:http";
import { plainFromNode, sendPlain } from "@/lib/http/plain";
import { SOMETHING_WENT_WRONG } from "@/lib/result";
import { answerReserve, RESERVE_PATH } from "./reserve-endpoint";

/*
 * The lean handler scripts/server.mjs puts in front of Next for the flash sale's click (README: Hot path). A
 * reservation is one database call; around it, Next's request handling (routing, the route module's wrapper, Web
 * Request/Response objects, async storage) cost several times what the rule does. This answers
 * POST /api/sales/{id}/reserve with the very function Next's route calls (./reserve-endpoint.ts) and hands every
 * other request to Next. scripts/server.mjs bundles this file with esbuild when it starts.
 */

/** The sale id when `req` is a reservation this handler answers; null for anything Next should serve. */
export function reserveSaleId(req: IncomingMessage): string | null {
  if (req.method !== "POST" || !req.url) return null;
  const query = req.url.indexOf("?");
  const match = RESERVE_PATH.exec(query < 0 ? req.url : req.url.slice(0, query));
  return match ? decodeURIComponent(match[1] ?? "") : null;
}

/** Answers the reservation; a bug is logged and answered 500 with a safe sentence, as Next would. */
export async function handleReserve(
  req: IncomingMessage,
  res: ServerResponse,
  saleId: string,
): Promise<void> {
  try {
    sendPlain(res, await answerReserve(plainFromNode(req), saleId));
  } catch (error) {
    console.error("[hot-path] reserve failed:", error);
    if (!res.headersSent) sendPlain(res, { status: 500, json: { error: SOMETHING_WENT_WRONG } });
    else res.destroy();
  }
}
