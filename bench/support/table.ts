import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";

/** A markdown table: header row, alignment row (text left, figures right), then the rows. */
export function markdownTable(header: string[], rows: string[][], numeric: boolean[] = []): string {
  const align = header.map((_, i) => (numeric[i] ? "---:" : "---"));
  return [header, align, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

export const fmt = {
  int: (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "–"),
  ms: (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms` : "–"),
  ratio: (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : "–"),
  percent: (n: number) => (Number.isFinite(n) ? `${Math.round(n * 100)} %` : "–"),
};

/** Writes bench/results/<name>-<date>.json (the figures README quotes and bench/capacity.ts reads); returns its path. */
export function writeResults(name: string, body: Record<string, unknown>): string {
  const date = new Date().toISOString().slice(0, 10);
  mkdirSync(path.join("bench", "results"), { recursive: true });
  const file = path.join("bench", "results", `${name}-${date}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), machine: { cpus: cpus().length, loadAtEnd: loadavg() }, ...body }, null, 2)}\n`,
  );
  return file;
}
