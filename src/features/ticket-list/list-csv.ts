import type { ListTicket } from './list-ticket.ts';
import { formatCell, listColumns, type ColumnKey } from './list-columns.ts';

// `Export CSV` of the current view as shown: visible columns in their order, values formatted as in the table.
// RFC 4180 quoting, CRLF line ends, and a guard against CSV formula injection (OWASP): ticket text comes from
// requestors, and a cell such as `=HYPERLINK(...)` must not run as a formula in a spreadsheet.

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: a leading = + - @ (or tab/CR) is prefixed with `'`; quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function toCsv(tickets: readonly ListTicket[], columns: readonly ColumnKey[]): string {
  const lines = [columns.map((key) => csvCell(listColumns[key].label)).join(',')];
  for (const ticket of tickets)
    lines.push(columns.map((key) => csvCell(formatCell(listColumns[key], ticket))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** `tickets-my-open-2026-11-28.csv` */
export function csvFileName(viewLabel: string, now: Date): string {
  const slug = viewLabel
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const pad = (n: number) => String(n).padStart(2, '0');
  return `tickets-${slug || 'view'}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

/** Downloads text as a file (a Blob and a temporary link; the byte-order mark lets Excel read UTF-8). */
export function downloadCsv(csv: string, fileName: string): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
