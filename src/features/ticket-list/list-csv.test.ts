import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, toCsv } from './list-csv.ts';
import { at, listTicket } from './list-test-tickets.ts';

describe('CSV export', () => {
  it('quotes cells with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('')).toBe('');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('exports the visible columns in their order, as shown, with a header line and CRLF', () => {
    const tickets = [
      listTicket(102, { summary: '=cmd|calc', status: 'Open', dueAt: at(2026, 11, 28, 9) }),
      listTicket(101, { summary: 'Printer, floor 3', status: null, inactive: true }),
    ];
    const csv = toCsv(tickets, ['summary', 'id', 'status', 'inactive']);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Summary,ID,Status,Inactive');
    expect(lines[1]).toBe("'=cmd|calc,102,Open,");
    expect(lines[2]).toBe('"Printer, floor 3",101,,Yes');
    expect(lines[3]).toBe('');
    expect(toCsv(tickets, ['due']).split('\r\n')[1]).toMatch(/28 Nov 2026/);
  });

  it('names the file after the view and the day', () => {
    expect(csvFileName('My open tickets', new Date(2026, 10, 28))).toBe(
      'tickets-my-open-tickets-2026-11-28.csv',
    );
  });
});
