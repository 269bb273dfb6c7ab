import { isUuid } from "@/lib/ids";
import { SHIPMENT_CSV_LIMITS } from "@/lib/limits";
import { fail, ok, type Result } from "@/lib/result";
import { type CarrierCode, parseShipment } from "./carriers";

/*
 * The tracking-number upload, read: `order_id,carrier,tracking_number`, one parcel a line, a header line
 * optional. Pure: the whole file is refused only when it is too big to read; otherwise every line gets its own
 * verdict, and the commands ship the good ones one transaction each.
 */

export const SHIPMENT_CSV_HEADER = "order_id,carrier,tracking_number";

export type CsvRow =
  | { line: number; ok: true; orderId: string; carrier: CarrierCode; trackingNumber: string; raw: string[] }
  | { line: number; ok: false; message: string; raw: string[] };

export type CsvCode = "empty" | "too_large" | "too_many_rows";

const KIB = 1024;

/** One line's cells: commas split, double quotes may wrap a cell ("" is a quote inside one). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === ",") {
      cells.push(cell.trim());
      cell = "";
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

function readRow(line: number, raw: string[]): CsvRow {
  if (raw.length !== 3) {
    return {
      line,
      ok: false,
      raw,
      message: `Expected 3 columns (${SHIPMENT_CSV_HEADER}), found ${raw.length}.`,
    };
  }
  const [orderId = "", carrier = "", trackingNumber = ""] = raw;
  if (!isUuid(orderId)) {
    return {
      line,
      ok: false,
      raw,
      message: "That is not an order id: use the full 36-character id from the order's page.",
    };
  }
  const shipment = parseShipment({ carrier, trackingNumber });
  if (!shipment.ok) {
    const reasons = [
      ...(shipment.fieldErrors?.carrier ?? []),
      ...(shipment.fieldErrors?.trackingNumber ?? []),
    ];
    return { line, ok: false, raw, message: reasons.join(" ") || shipment.message };
  }
  return {
    line,
    ok: true,
    raw,
    orderId: orderId.toLowerCase(),
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
  };
}

/**
 * The file's rows with a verdict each, duplicates of an earlier line's order refused by line. Refused whole
 * only when empty, larger than SHIPMENT_CSV_LIMITS.maxBytes, or longer than SHIPMENT_CSV_LIMITS.maxRows data rows.
 */
export function parseShipmentCsv(text: string): Result<{ rows: CsvRow[] }, CsvCode> {
  // A character is at least one UTF-8 byte: a string longer than the limit is refused before it is encoded.
  const bytes =
    text.length > SHIPMENT_CSV_LIMITS.maxBytes ? text.length : new TextEncoder().encode(text).byteLength;
  if (bytes > SHIPMENT_CSV_LIMITS.maxBytes) {
    return fail(
      "too_large",
      `That file is ${Math.ceil(bytes / KIB)} KB; uploads are at most ${SHIPMENT_CSV_LIMITS.maxBytes / KIB} KB (${SHIPMENT_CSV_LIMITS.maxRows} rows). Split it and upload the parts.`,
    );
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const data = lines
    .map((content, i) => ({ content, line: i + 1 }))
    .filter(({ content }) => content.trim() !== "")
    .filter(({ content }, i) => !(i === 0 && /^\s*"?order_id"?\s*,/i.test(content)));
  if (data.length === 0) {
    return fail("empty", `That file has no rows. Each line is ${SHIPMENT_CSV_HEADER}.`);
  }
  if (data.length > SHIPMENT_CSV_LIMITS.maxRows) {
    return fail(
      "too_many_rows",
      `That file has ${data.length} rows; uploads are at most ${SHIPMENT_CSV_LIMITS.maxRows}. Split it and upload the parts.`,
    );
  }
  const firstLineOf = new Map<string, number>();
  const rows = data.map(({ content, line }): CsvRow => {
    const row = readRow(line, splitCsvLine(content));
    if (!row.ok) return row;
    const first = firstLineOf.get(row.orderId);
    if (first !== undefined) {
      return {
        line,
        ok: false,
        raw: row.raw,
        message: `This order is already on line ${first}; one parcel per order.`,
      };
    }
    firstLineOf.set(row.orderId, line);
    return row;
  });
  return ok({ rows });
}
