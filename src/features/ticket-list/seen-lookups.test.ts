import { describe, expect, it } from 'vitest';
import { mergeSeenLookups, pickerOptions, seenIndexLookupValues } from './seen-lookups.ts';
import { listTicket } from './list-test-tickets.ts';

describe('lookup values seen in the index', () => {
  it('collects status, priority, category, technician login, group and requestor values', () => {
    const seen = seenIndexLookupValues([
      listTicket(1, {
        status: 'Escalated',
        priority: '1 - Critical',
        assigneeLogin: 'TECH9',
        group: 'LAB',
        category: 'Lab\\Scopes',
        requestorName: 'Ada',
      }),
      listTicket(2, { status: 'Escalated', priority: null }),
    ]);
    expect([...seen.get('status')!]).toEqual(['Escalated']);
    expect([...seen.get('priority')!]).toEqual(['1 - Critical']);
    expect([...seen.get('technician')!]).toEqual(['TECH9']);
    expect([...seen.get('group')!]).toEqual(['LAB']);
    expect([...seen.get('category')!]).toEqual(['Lab\\Scopes']);
    expect([...seen.get('requestor')!]).toEqual(['Ada']);
  });

  it('merges with the values seen on loaded records', () => {
    const merged = mergeSeenLookups(
      new Map([['status', new Set(['Open'])]]),
      new Map([['status', new Set(['Paused', 'Open'])]]),
    );
    expect([...merged.get('status')!]).toEqual(['Open', 'Paused']);
  });

  it('lists the vocabulary first, then other seen values sorted, without case duplicates', () => {
    expect(pickerOptions(['Open', 'Closed'], new Set(['open', 'Zeta', 'Alpha']))).toEqual([
      'Open',
      'Closed',
      'Alpha',
      'Zeta',
    ]);
  });
});
