/** What the suite needs to know about the deployment under test. */
export const QA_SECRET = process.env.QA_SECRET ?? "e2e-qa-secret-0123456789";

export const TEST_CARDS = { success: "4242 4242 4242 4242", decline: "4000 0000 0000 0002" } as const;

/** Unique per call, so parallel workers and repeated runs against one deployment never collide. */
export function uniqueEmail(prefix = "fan"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}
