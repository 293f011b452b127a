import { describe, expect, it } from 'vitest';
import type { FieldMap } from '../api/field-map.ts';
import { NotEditableFieldError, toProperties } from './to-properties.ts';
import { TicketSeq } from './ticket-fields.ts';

const loaded: FieldMap = new Map([
  [1, { displayName: 'Ticket ID', value: 101 }],
  [72, { displayName: 'Category', value: 'Hardware' }],
  [85, { displayName: 'Asset Tag', value: 'AT-1' }],
  [7, { displayName: 'Additional Information', value: 'old' }],
]);

describe('toProperties', () => {
  it('keys each changed value by the display name the server last sent', () => {
    expect(
      toProperties(
        [TicketSeq.category, TicketSeq.customText1],
        { 72: 'Applications', 85: 'AT-2', 7: 'ignored' },
        loaded,
      ),
    ).toEqual({ Category: 'Applications', 'Asset Tag': 'AT-2' });
  });

  it('falls back to the catalog name for a seq the server never sent', () => {
    expect(toProperties([TicketSeq.status], new Map([[96, 'Escalated']]), loaded)).toEqual({
      Status: 'Escalated',
    });
    expect(toProperties([TicketSeq.ticketSummary], { 22: 'New laptop' }, null)).toEqual({
      'Ticket Summary': 'New laptop',
    });
  });

  it('sends null to clear a field', () => {
    expect(toProperties([TicketSeq.additionalInformation], { 7: null }, loaded)).toEqual({
      'Additional Information': null,
    });
  });

  it('sends nothing when nothing changed', () => {
    expect(toProperties([], { 72: 'x' }, loaded)).toEqual({});
  });

  it('refuses fields the doc page does not list as editable, and unknown fields', () => {
    expect(() => toProperties([TicketSeq.ticketId], { 1: 5 }, loaded)).toThrow(NotEditableFieldError);
    expect(() => toProperties([TicketSeq.lastModified], { 2: 'x' }, loaded)).toThrow(/Last Modified/);
    expect(() => toProperties([4242], { 4242: 'x' }, loaded)).toThrow(NotEditableFieldError);
  });
});
