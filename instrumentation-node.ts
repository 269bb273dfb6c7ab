/** The Node half of instrumentation.ts (Node APIs stay out of the Edge bundle Next also builds from it). */
export async function registerNode() {
  // Validate the environment now: a missing or unsafe setting stops the server at start with one message that lists
  // them all (lib/env.ts). Next would only log a failed hook and go on serving, so the process exits itself.
  try {
    await import("@/lib/env");
  } catch (error) {
    console.error(`[kite] not starting. ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  // Mail: sent every few seconds when SMTP_URL is set; a clear warning at start where mails would go nowhere.
  const { startMailWorker } = await import("@/lib/mail/runner");
  startMailWorker(Number(process.env.MAIL_SEND_INTERVAL_MS ?? 5_000));
  if (process.env.HOLD_SWEEP_INTERVAL_MS === "0") return;
  const { startHoldSweeper } = await import("@/lib/checkout/sweeper");
  startHoldSweeper(Number(process.env.HOLD_SWEEP_INTERVAL_MS ?? 15_000));
}
