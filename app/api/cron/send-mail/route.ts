import { cronJobHandler } from "@/lib/http/cron";
import { runMailWorker } from "@/lib/mail/runner";

export const dynamic = "force-dynamic";

/**
 * Sends the outbox's due mails (a batch at a time, for up to about 20 s). Each instance also does this every few
 * seconds in-process when SMTP_URL is set; a scheduler may call it too (every minute). Safe from every instance at
 * once: claims use SKIP LOCKED, so each mail goes out once. Without SMTP_URL it sends nothing.
 */
const send = cronJobHandler(runMailWorker);

export { send as GET, send as POST };
