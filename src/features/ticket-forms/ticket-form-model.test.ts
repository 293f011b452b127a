import { describe, expect, it } from 'vitest';
import type { FieldEntry, FieldMap, Seq, WireValue } from '../../api/field-map.ts';
import { toFormValues } from '../../fields/form-codecs.ts';
import { ticketEditSeqs } from '../../fields/form-layout.ts';
import { TicketSeq } from '../../fields/ticket-fields.ts';
import {
  changedSeqs,
  describeFormValue,
  detectConflict,
  fieldNamedIn,
  keepMine,
  lastModifiedOf,
  takeTheirs,
} from './ticket-form-model.ts';

const seqs = ticketEditSeqs;

function ticket(fields: Record<number, [string, WireValue]>): FieldMap {
  return new Map<Seq, FieldEntry>(
    Object.entries(fields).map(([seq, [displayName, value]]) => [Number(seq), { displayName, value }]),
  );
}

const opened = ticket({
  [TicketSeq.lastModified]: ['Last Modified', '2026-11-20T10:00:00.1234567'],
  [TicketSeq.lastUser]: ['Last User', 'TECH1'],
  [TicketSeq.ticketSummary]: ['Ticket Summary', 'Printer jams'],
  [TicketSeq.requestorTitle]: ['Requestor Title', 'Accountant'],
  [TicketSeq.customText1]: ['Asset Tag', 'CT-1'],
});

function freshWith(
  changes: Record<number, [string, WireValue]>,
  lastModified = '2026-11-20T10:05:00.0000000',
) {
  const map = new Map(opened);
  map.set(TicketSeq.lastModified, { displayName: 'Last Modified', value: lastModified });
  map.set(TicketSeq.lastUser, { displayName: 'Last User', value: 'ADMIN' });
  for (const [seq, [displayName, value]] of Object.entries(changes))
    map.set(Number(seq), { displayName, value });
  return map as FieldMap;
}

const original = toFormValues(opened, seqs);

describe('detectConflict', () => {
  it('finds none while Last Modified has not moved', () => {
    const mine = { ...original, ticketSummary: 'Mine' };
    expect(detectConflict(lastModifiedOf(opened), original, mine, opened, seqs)).toBeNull();
  });

  it('separates fields both changed, fields only they changed and fields only I changed', () => {
    const mine = { ...original, ticketSummary: 'Mine', customText1: 'CT-2' };
    const fresh = freshWith({
      [TicketSeq.ticketSummary]: ['Ticket Summary', 'Theirs'],
      [TicketSeq.requestorTitle]: ['Requestor Title', 'Controller'],
    });
    const conflict = detectConflict(lastModifiedOf(opened), original, mine, fresh, seqs)!;
    expect(conflict.changedBy).toBe('ADMIN');
    expect(
      conflict.conflicts.map((entry) => [entry.label, entry.original, entry.theirs, entry.mine]),
    ).toEqual([['Ticket Summary', 'Printer jams', 'Theirs', 'Mine']]);
    expect(conflict.theirChanges.map((entry) => entry.label)).toEqual(['Requestor Title']);
    expect(conflict.myChanges).toEqual([TicketSeq.customText1]);
  });

  it('does not count a field we both set to the same value as a conflict', () => {
    const mine = { ...original, ticketSummary: 'Same' };
    const fresh = freshWith({ [TicketSeq.ticketSummary]: ['Ticket Summary', 'Same'] });
    expect(detectConflict(lastModifiedOf(opened), original, mine, fresh, seqs)!.conflicts).toEqual([]);
  });
});

describe('the conflict choices', () => {
  const mine = { ...original, ticketSummary: 'Mine', customText1: 'CT-2' };
  const fresh = freshWith({
    [TicketSeq.ticketSummary]: ['Ticket Summary', 'Theirs'],
    [TicketSeq.requestorTitle]: ['Requestor Title', 'Controller'],
  });
  const conflict = detectConflict(lastModifiedOf(opened), original, mine, fresh, seqs)!;

  it('keep mine: my values everywhere I typed, theirs elsewhere, all my changes still to send', () => {
    const next = keepMine(conflict, mine, seqs);
    expect(next.values.ticketSummary).toBe('Mine');
    expect(next.values.customText1).toBe('CT-2');
    expect(next.values.requestorTitle).toBe('Controller');
    expect(changedSeqs(next.initial, next.values, seqs).sort()).toEqual(
      [TicketSeq.ticketSummary, TicketSeq.customText1].sort(),
    );
    expect(next.lastModified).toBe('2026-11-20T10:05:00.0000000');
  });

  it('take theirs: their values in the conflicting fields, my other change kept unsaved', () => {
    const next = takeTheirs(conflict, mine, seqs);
    expect(next.values.ticketSummary).toBe('Theirs');
    expect(next.values.customText1).toBe('CT-2');
    expect(changedSeqs(next.initial, next.values, seqs)).toEqual([TicketSeq.customText1]);
  });
});

describe('fieldNamedIn', () => {
  it('finds the field a 400 message names, preferring the longest name', () => {
    const message = "The Requestor Title 'x' was not found.";
    expect(fieldNamedIn(message, [TicketSeq.requestor, TicketSeq.requestorTitle], null)).toBe(
      TicketSeq.requestorTitle,
    );
  });

  it('knows a renamed field by the name the server sent', () => {
    expect(fieldNamedIn('The Asset Tag is too long.', [TicketSeq.customText1], opened)).toBe(
      TicketSeq.customText1,
    );
  });

  it('gives null when no changed field is named', () => {
    expect(fieldNamedIn('The request is invalid.', [TicketSeq.ticketSummary], opened)).toBeNull();
  });
});

describe('describeFormValue', () => {
  it('says (empty) for nothing and Yes/No for switches', () => {
    expect(describeFormValue(TicketSeq.ticketSummary, '')).toBe('(empty)');
    expect(describeFormValue(TicketSeq.firstCallResolution, true)).toBe('Yes');
  });
});
