import { createQaAccount, qaAccountSchema } from "@/lib/qa/accounts";
import { readQaRequest } from "@/lib/qa/guard";

export const dynamic = "force-dynamic";

/**
 * QA only: a fresh shopper or marketer (`{ role?, name? }`) with a unique email and a random password, returned
 * once so the e2e suite signs in through the real form. 404 outside QA deployments.
 */
export async function POST(request: Request) {
  // Bounded like every route's body (lib/http/body.ts): 413 before reading too much.
  const parsed = await readQaRequest(request, qaAccountSchema, (error) =>
    error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
  );
  if (!parsed.ok) return parsed.response;
  const account = await createQaAccount(parsed.data);
  return Response.json(account, { status: 201, headers: { "cache-control": "no-store" } });
}
