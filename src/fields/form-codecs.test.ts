import { describe, expect, it } from 'vitest';
import type { FieldMap } from '../api/field-map.ts';
import { toProperties } from './to-properties.ts';
import {
  buildValidators,
  changedWireValues,
  editableSeqs,
  formCodecs,
  ticketValidators,
  toFormValues,
} from './form-codecs.ts';
import { noteCatalog, NoteSeq } from './note-fields.ts';
import { ticketCatalog, TicketSeq } from './ticket-fields.ts';

const loaded: FieldMap = new Map([
  [72, { displayName: 'Category', value: 'Hardware' }],
  [81, { displayName: 'Warranty Expires', value: '2026-03-01T09:30:00.0000000Z' }],
  [83, { displayName: 'Custom Integer 1', value: 7 }],
  [102, { displayName: 'Inactive', value: false }],
]);

const seqs = [
  TicketSeq.category,
  TicketSeq.customDate1,
  TicketSeq.customInteger1,
  TicketSeq.inactive,
  TicketSeq.requestorEmailAddress,
];

describe('form values', () => {
  it('fills a form from a loaded record, keyed by catalog key', () => {
    const values = toFormValues(loaded, seqs);
    expect(values).toMatchObject({
      category: 'Hardware',
      customInteger1: 7,
      inactive: false,
      requestorEmailAddress: '',
    });
    expect(typeof values.customDate1).toBe('string');
  });

  it('sends only what changed, converted to the wire, and nothing for an untouched form', () => {
    const initial = toFormValues(loaded, seqs);
    expect(changedWireValues(initial, { ...initial }, seqs).size).toBe(0);
    const current = {
      ...initial,
      category: 'Applications',
      customDate1: initial.customDate1 ?? null,
      inactive: true,
    };
    const changed = changedWireValues(initial, current, seqs);
    expect([...changed]).toEqual([
      [72, 'Applications'],
      [102, true],
    ]);
    expect(toProperties(changed.keys(), changed, loaded)).toEqual({
      Category: 'Applications',
      Inactive: true,
    });
  });

  it('round-trips a date-time through the picker value unchanged', () => {
    const initial = toFormValues(loaded, [TicketSeq.customDate1]);
    expect(formCodecs['date-time'].toWire(initial.customDate1 ?? null)).toBe('2026-03-01T09:30:00.0000000Z');
  });

  it('clears emptied fields with null', () => {
    const initial = toFormValues(loaded, seqs);
    const changed = changedWireValues(initial, { ...initial, customInteger1: '' }, seqs);
    expect([...changed]).toEqual([[83, null]]);
  });

  it('shows durations as h:mm and writes them as hh:mm:ss, comparing on the wire', () => {
    const note: FieldMap = new Map([[10, { displayName: 'Duration', value: 5400 }]]);
    const initial = toFormValues(note, [NoteSeq.duration], noteCatalog);
    expect(initial).toEqual({ duration: '1:30' });
    expect(changedWireValues(initial, { duration: '1:30:00' }, [NoteSeq.duration], noteCatalog).size).toBe(0);
    expect([...changedWireValues(initial, { duration: '2:05' }, [NoteSeq.duration], noteCatalog)]).toEqual([
      [10, '02:05:00'],
    ]);
  });

  it('lists the editable seqs of the catalog', () => {
    expect(editableSeqs(ticketCatalog)).toHaveLength(78);
    expect(editableSeqs(ticketCatalog)).not.toContain(TicketSeq.ticketId);
  });
});

describe('validators', () => {
  it('are built from the catalog for every editable ticket field', () => {
    expect(Object.keys(ticketValidators)).toHaveLength(78);
    expect(ticketValidators.requestorEmailAddress?.('not an address')).toBe('Enter an e-mail address');
    expect(ticketValidators.requestorEmailAddress?.('jane@example.com')).toBeNull();
    expect(ticketValidators.customInteger1?.('1.5')).toBe('Enter a whole number');
    expect(ticketValidators.customNumeric1?.('1,5')).toBeNull();
    expect(buildValidators([NoteSeq.duration], noteCatalog).duration?.('1:75')).toMatch(/hours and minutes/);
    expect(ticketValidators.customDate1?.('2026-02-30 10:00:00')).toBe('Enter a date and time');
    expect(ticketValidators.callbackNumber?.('call me')).toBe('Enter a phone number');
    expect(ticketValidators.ticketSummary?.('')).toBeNull();
  });

  it('require a value only where asked', () => {
    const validators = buildValidators([TicketSeq.ticketSummary], ticketCatalog, {
      required: [TicketSeq.ticketSummary],
    });
    expect(validators.ticketSummary?.('  ')).toBe('This field is required');
    expect(validators.ticketSummary?.('Printer')).toBeNull();
  });

  it('accept an empty value for every kind', () => {
    for (const codec of Object.values(formCodecs)) {
      expect(codec.validate('')).toBeNull();
      expect(codec.validate(null)).toBeNull();
    }
  });
});
