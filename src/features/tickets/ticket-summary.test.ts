import { describe, expect, it } from 'vitest';
import { toFieldMap } from '../../api/field-map.ts';
import { configSchema } from '../../config/config-schema.ts';
import { statusTypeOf } from './status-badge.tsx';
import { isOverdue, toTicketSummary } from './ticket-summary.ts';

const now = new Date('2026-11-28T12:00:00Z');

function ticket(fields: Record<string, unknown>) {
  const record: Record<string, { DisplayName: string; Value: unknown }> = {};
  for (const [seq, value] of Object.entries(fields))
    record[seq] = { DisplayName: `Field ${seq}`, Value: value };
  return toTicketSummary(toFieldMap(record), 7);
}

describe('toTicketSummary', () => {
  it('prefers the assignee full name and the requestor name, falling back to their parts and logins', () => {
    expect(ticket({ '1': 101, '157': 'Alex Rivera', '67': 'TECH1', '149': 'Dana Whitaker' })).toMatchObject({
      id: 101,
      assignee: 'Alex Rivera',
      requestor: 'Dana Whitaker',
    });
    expect(ticket({ '68': 'Alex', '69': 'Rivera', '37': 'Dana', '38': 'Whitaker' })).toMatchObject({
      id: 7,
      assignee: 'Alex Rivera',
      requestor: 'Dana Whitaker',
    });
    expect(ticket({ '67': 'TECH1', '36': 'dwhitaker' })).toMatchObject({
      assignee: 'TECH1',
      requestor: 'dwhitaker',
    });
    expect(ticket({})).toMatchObject({ assignee: null, requestor: null, summary: null, due: null });
  });
});

describe('isOverdue', () => {
  const past = '2026-11-27T12:00:00.0000000Z';
  const future = '2026-11-29T12:00:00.0000000Z';

  it('is overdue when the due date has passed and the ticket is not closed', () => {
    expect(isOverdue(ticket({ '100': past }), 'open', now)).toBe(true);
    expect(isOverdue(ticket({ '100': past }), 'stop-the-clock', now)).toBe(true);
  });

  it('is not overdue when closed, not yet due, or without a due date', () => {
    expect(isOverdue(ticket({ '100': past }), 'closed', now)).toBe(false);
    expect(isOverdue(ticket({ '100': future }), 'open', now)).toBe(false);
    expect(isOverdue(ticket({}), 'open', now)).toBe(false);
  });

  it('treats a status the site did not list as closed only when the ticket has a close date', () => {
    expect(isOverdue(ticket({ '100': past }), null, now)).toBe(true);
    expect(isOverdue(ticket({ '100': past, '18': past }), null, now)).toBe(false);
  });
});

describe('statusTypeOf', () => {
  const vocabulary = configSchema.parse({
    vocabulary: {
      statuses: [
        { name: 'Open', type: 'open' },
        { name: 'Waiting on Requestor', type: 'stop-the-clock' },
        { name: 'Closed', type: 'closed' },
      ],
    },
  }).vocabulary;

  it('finds a status type by name, ignoring case and spaces around it', () => {
    expect(statusTypeOf(vocabulary, ' waiting on requestor ')).toBe('stop-the-clock');
    expect(statusTypeOf(vocabulary, 'Closed')).toBe('closed');
    expect(statusTypeOf(vocabulary, 'Unknown')).toBeNull();
    expect(statusTypeOf(vocabulary, null)).toBeNull();
  });
});
