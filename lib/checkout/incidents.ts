import "server-only";
import { paymentIncidents } from "@/db/schema";
import type { Db, Tx } from "@/lib/db";

export type IncidentKind =
  | "session_unknown"
  | "session_mismatch"
  | "amount_mismatch"
  | "not_paid_per_stripe"
  | "event_disagrees"
  | "refund_failed"
  | "webhook_secret_missing";

/**
 * Records a payment that did not add up and raises the alert (one greppable log line). Runs in the caller's
 * transaction when given one, so the incident and the event id that caused it are recorded together.
 */
export async function recordIncident(
  db: Db | Tx,
  incident: {
    kind: IncidentKind;
    orderId?: string | null;
    sessionId?: string | null;
    eventId?: string | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  console.error(
    `[payments:alert] ${incident.kind} order=${incident.orderId ?? "-"} session=${incident.sessionId ?? "-"} event=${incident.eventId ?? "-"}`,
    incident.detail ?? {},
  );
  await db.insert(paymentIncidents).values({
    kind: incident.kind,
    orderId: incident.orderId && /^[0-9a-f-]{36}$/i.test(incident.orderId) ? incident.orderId : null,
    stripeSessionId: incident.sessionId ?? null,
    stripeEventId: incident.eventId ?? null,
    detail: incident.detail ?? {},
  });
}
