import { runHoldSweep } from "@/lib/checkout/sweeper";
import { cronJobHandler } from "@/lib/http/cron";

export const dynamic = "force-dynamic";

/** Production calls this on a schedule (every minute); every instance may also run it at once. */
const sweep = cronJobHandler(runHoldSweep);

export { sweep as GET, sweep as POST };
