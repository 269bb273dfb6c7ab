"use client";

import { type ChangeEvent, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage, keepWhatWasTyped } from "@/components/ui/form-state";
import type { ActionState, FormAction } from "@/lib/action";
import { SHIPMENT_CSV_HEADER } from "@/lib/fulfilment/csv";
import type { ShipmentRowResult } from "@/lib/fulfilment/upload";
import { SHIPMENT_CSV_LIMITS } from "@/lib/limits";

type Uploaded = { message: string; rows: ShipmentRowResult[] };

const OUTCOME: Record<ShipmentRowResult["outcome"], { text: string; className: string }> = {
  shipped: { text: "Shipped", className: "bg-emerald-50 text-emerald-800" },
  unchanged: { text: "Already shipped", className: "bg-ink-100 text-ink-700" },
  refused: { text: "Refused", className: "bg-accent-50 text-accent-800" },
};

function ResultTable({ rows }: { rows: ShipmentRowResult[] }) {
  return (
    <DataTable
      rows={rows}
      rowKey={(row) => row.line}
      caption="What happened to each line"
      rowProps={(row) => ({ "data-outcome": row.outcome })}
      density="snug"
      minWidth="44rem"
      columns={[
        { header: "Line", numeric: true, rowHeader: true, cell: (row) => row.line },
        { header: "Order id", className: "font-mono text-xs break-all", cell: (row) => row.orderId || "—" },
        {
          header: "Carrier and tracking",
          cell: (row) => (
            <>
              {row.carrier || "—"}
              <span className="block font-mono text-xs break-words">{row.trackingNumber}</span>
            </>
          ),
        },
        {
          header: "Result",
          cell: (row) => (
            <>
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${OUTCOME[row.outcome].className}`}
              >
                {OUTCOME[row.outcome].text}
              </span>
              <span className="mt-1 block text-xs text-ink-600">{row.message}</span>
            </>
          ),
        },
      ]}
    />
  );
}

/**
 * A carrier's manifest as CSV: chosen as a file (read here, in the browser) or pasted. The file's size and rows
 * are checked before it is sent, and again by the server, which answers line by line.
 */
export function ShipmentUploadForm({ action }: { action: FormAction<Uploaded> }) {
  const [state, formAction, pending] = useActionState<ActionState<Uploaded>, FormData>(action, null);
  const [text, setText] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setFileError(null);
    if (!file) return;
    if (file.size > SHIPMENT_CSV_LIMITS.maxBytes) {
      setFileError(
        `That file is ${Math.ceil(file.size / 1024)} KB; uploads are at most ${SHIPMENT_CSV_LIMITS.maxBytes / 1024} KB (${SHIPMENT_CSV_LIMITS.maxRows} rows). Split it and upload the parts.`,
      );
      event.target.value = "";
      return;
    }
    setText(await file.text());
  }

  const csvErrors = [
    ...(fileError ? [fileError] : []),
    ...(state && !state.ok ? (state.fieldErrors?.csv ?? []) : []),
  ];
  return (
    <div className="space-y-6">
      <form action={formAction} onSubmit={keepWhatWasTyped(formAction)} className="space-y-4" noValidate>
        {/* No name: the file is read here and sent as the text below, never uploaded as well. */}
        <label className="block space-y-1 text-sm font-medium text-ink-800">
          <span className="block">CSV file</span>
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={readFile}
            className="block w-full text-sm font-normal text-ink-700 file:mr-3 file:rounded-lg file:border file:border-ink-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-semibold"
          />
        </label>
        <TextAreaField
          label="Rows"
          name="csv"
          rows={8}
          value={text}
          onChange={(event) => setText(event.target.value)}
          errors={csvErrors.length ? csvErrors : undefined}
          spellCheck={false}
          wrap="off"
          hint={`One parcel a line: ${SHIPMENT_CSV_HEADER} (the header line is optional). At most ${SHIPMENT_CSV_LIMITS.maxRows} lines; each line is shipped on its own, and uploading the same file again ships nothing twice.`}
          placeholder={`${SHIPMENT_CSV_HEADER}\n3f2b…-…,SF Express,SF1234567890123`}
        />
        <Button type="submit" size="console" pending={pending} pendingLabel="Uploading…">
          Ship these orders
        </Button>
        <FormMessage state={state} />
      </form>
      {state?.ok ? <ResultTable rows={state.rows} /> : null}
    </div>
  );
}
