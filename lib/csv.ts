/**
 * CSV as the console downloads it: a header, then one line per row. A cell with a comma, quote or line break is
 * quoted; a cell a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe, since
 * fans write some of these cells.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (raw: string) => {
    const v = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
    return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  };
  return [header.join(","), ...rows.map((r) => r.map(cell).join(","))].join("\n");
}
