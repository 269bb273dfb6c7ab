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
