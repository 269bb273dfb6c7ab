export async function register() {
  // Node only, and never during `next build` (no database there).
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Validate the environment now, so a missing or unsafe setting stops the server at start with one message that
  // lists them all (lib/env.ts), instead of failing the first request.
  await import("@/lib/env");
  if (process.env.HOLD_SWEEP_INTERVAL_MS === "0") return;
  const { startHoldSweeper } = await import("@/lib/checkout/sweeper");
  startHoldSweeper(Number(process.env.HOLD_SWEEP_INTERVAL_MS ?? 15_000));
}
