import { cookies, draftMode } from "next/headers";
import { z } from "zod";
import { env } from "@/lib/env";
import { encodeClockToken, MAX_CLOCK_OFFSET_MS, QA_CLOCK_COOKIE } from "@/lib/qa/clock";
import { readQaRequest, refuseUnlessQa } from "@/lib/qa/guard";
import { DRAFT_MODE_COOKIE, getRequestNow } from "@/lib/qa/now";

export const dynamic = "force-dynamic";

const bodySchema = z.union([
  z.object({ at: z.iso.datetime({ offset: true }) }),
  z.object({ offsetMs: z.number().int().min(-MAX_CLOCK_OFFSET_MS).max(MAX_CLOCK_OFFSET_MS) }),
]);

/** Reads the clock this request sees. */
export async function GET(request: Request) {
  const refused = refuseUnlessQa(request);
  if (refused) return refused;
  const now = await getRequestNow();
  return Response.json({ now: now.toISOString(), offsetMs: now.getTime() - Date.now() });
}

/**
 * Moves this client's clock: `{ at: ISO }` or `{ offsetMs }`. Sets the cookie for browsers and returns the token
 * for API clients (send it as the `x-kite-clock` header).
 */
export async function POST(request: Request) {
  const parsed = await readQaRequest(
    request,
    bodySchema,
    "Send { at: ISO-8601 with offset } or { offsetMs: integer }",
  );
  if (!parsed.ok) return parsed.response;
  const offsetMs = "at" in parsed.data ? Date.parse(parsed.data.at) - Date.now() : parsed.data.offsetMs;
  if (Math.abs(offsetMs) > MAX_CLOCK_OFFSET_MS) {
    return Response.json({ error: "The clock moves at most a year either way" }, { status: 400 });
  }
  const token = encodeClockToken(offsetMs, env.QA_SECRET ?? "");
  const jar = await cookies();
  jar.set(QA_CLOCK_COOKIE, token, { httpOnly: true, sameSite: "lax", path: "/" });
  // Pages every visitor shares come from cache and read real time (lib/qa/now.ts getPageNow). Draft mode makes Next
  // render them afresh for this client only, so a moved clock shows on them too; its cookie is returned for API
  // clients (Playwright adds both cookies to a browser context).
  const draft = await draftMode();
  draft.enable();
  const bypass = jar.get(DRAFT_MODE_COOKIE)?.value ?? null;
  return Response.json({ now: new Date(Date.now() + offsetMs).toISOString(), offsetMs, token, bypass });
}

/** Back to real time. */
export async function DELETE(request: Request) {
  const refused = refuseUnlessQa(request);
  if (refused) return refused;
  (await cookies()).delete(QA_CLOCK_COOKIE);
  (await draftMode()).disable();
  return Response.json({ now: new Date().toISOString(), offsetMs: 0 });
}
