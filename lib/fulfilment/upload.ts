import "server-only";
import type { Actor } from "@/lib/audit/log";
import type { Db } from "@/lib/db";
import { type Failure, fail, ok, SOMETHING_WENT_WRONG, type Success } from "@/lib/result";
import { carrierName } from "./carriers";
import { applyFulfilmentStep } from "./commands";
import { parseShipmentCsv } from "./csv";

/** A line whose write failed unexpectedly is refused (logged) and the upload goes on with the next. */
function unexpected(error: unknown, context: string): Failure {
  console.error(`[fulfilment] ${context} failed`, error);
  return fail("internal", `${SOMETHING_WENT_WRONG} Upload this line again.`);
}

/** What happened to one line of an upload, as the console's result table shows it. */
export interface ShipmentRowResult {
  line: number;
  orderId: string;
  carrier: string;
  trackingNumber: string;
  outcome: "shipped" | "unchanged" | "refused";
  message: string;
}

export type ShipmentUploadDone = Success<{
  message: string;
  rows: ShipmentRowResult[];
  counts: Record<ShipmentRowResult["outcome"], number>;
}>;

/** Cells are echoed in the result table: a pasted essay in one cell comes back as its start. */
const shown = (cell: string | undefined) =>
  (cell ?? "").length > 40 ? `${(cell ?? "").slice(0, 40)}…` : (cell ?? "");

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Ships the orders of a tracking-number CSV, each line on its own (one transaction per line: a refused line
 * changes nothing and stops nothing else). Uploading the same file again ships nothing twice: its lines come
 * back "already shipped". The whole file is refused only when it is empty or too large to read.
 */
export async function shipFromCsv(
  db: Db,
  { actor, text, now }: { actor: Actor; text: string; now: Date },
): Promise<ShipmentUploadDone | Failure> {
  const parsed = parseShipmentCsv(text);
  if (!parsed.ok) return { ...parsed, fieldErrors: { csv: [parsed.message] } };
  const rows: ShipmentRowResult[] = [];
  for (const row of parsed.rows) {
    const [orderId, carrier, trackingNumber] = row.raw.map(shown);
    const base = {
      line: row.line,
      orderId: orderId ?? "",
      carrier: carrier ?? "",
      trackingNumber: trackingNumber ?? "",
    };
    if (!row.ok) {
      rows.push({ ...base, outcome: "refused", message: row.message });
      continue;
    }
    const shipped = await applyFulfilmentStep(db, {
      actor,
      orderId: row.orderId,
      now,
      command: { type: "ship", carrier: row.carrier, trackingNumber: row.trackingNumber },
    }).catch((error: unknown) => unexpected(error, `shipFromCsv line ${row.line}`));
    const stored = { ...base, carrier: carrierName(row.carrier), trackingNumber: row.trackingNumber };
    rows.push(
      shipped.ok
        ? { ...stored, outcome: shipped.changed ? "shipped" : "unchanged", message: shipped.message }
        : { ...stored, outcome: "refused", message: shipped.message },
    );
  }
  const counts = { shipped: 0, unchanged: 0, refused: 0 };
  for (const row of rows) counts[row.outcome] += 1;
  const message = [
    `${plural(counts.shipped, "order", "orders")} shipped`,
    counts.unchanged ? `${counts.unchanged} already shipped` : null,
    counts.refused ? `${plural(counts.refused, "line", "lines")} refused (see the reasons below)` : null,
  ]
    .filter(Boolean)
    .join(", ");
  return ok({ message: `${message}.`, rows, counts });
}
