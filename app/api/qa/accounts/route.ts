import { createQaAccount, qaAccountSchema } from "@/lib/qa/accounts";
import { refuseUnlessQa } from "@/lib/qa/guard";

export const dynamic = "force-dynamic";

/**
 * QA only: a fresh shopper or marketer (`{ role?, name? }`) with a unique email and a random password, returned
 * once so the e2e suite signs in through the real form. 404 outside QA deployments.
 */
export async function POST(request: Request) {
  const refused = refuseUnlessQa(request);
  if (refused) return refused;
  const parsed = qaAccountSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    return Response.json(
      { error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) },
      { status: 400 },
    );
  }
  const account = await createQaAccount(parsed.data);
  return Response.json(account, { status: 201, headers: { "cache-control": "no-store" } });
}
