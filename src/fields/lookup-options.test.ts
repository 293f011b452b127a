import { describe, expect, it } from 'vitest';
import type { FieldMap } from '../api/field-map.ts';
import { vocabularySchema } from '../config/config-schema.ts';
import {
  lookupAllowsFreeText,
  lookupOptions,
  seenLookupValues,
  vocabularyOptions,
} from './lookup-options.ts';

const vocabulary = vocabularySchema.parse({
  statuses: [
    { name: 'Open', type: 'open' },
    { name: 'Closed', type: 'closed', isDefaultClosed: true },
  ],
  priorities: ['1 - Critical', '3 - Medium'],
  technicians: [{ login: 'TECH1', name: 'Tina Tech' }],
});

const tickets: FieldMap[] = [
  new Map([
    [96, { displayName: 'Status', value: 'Escalated' }],
    [49, { displayName: 'Location', value: ' Head Office ' }],
  ]),
  new Map([
    [96, { displayName: 'Status', value: 'open' }],
    [49, { displayName: 'Location', value: 'Annex' }],
    [116, { displayName: 'Building', value: 'B2' }],
  ]),
];

describe('lookup options', () => {
  it('come from the vocabulary for the sources config.json covers', () => {
    expect(vocabularyOptions('status', vocabulary)).toEqual(['Open', 'Closed']);
    expect(vocabularyOptions('technician', vocabulary)).toEqual(['TECH1']);
    expect(vocabularyOptions('location', vocabulary)).toEqual([]);
  });

  it('collect values seen on loaded tickets per source', () => {
    const seen = seenLookupValues(tickets);
    expect([...(seen.get('location') ?? [])]).toEqual(['Head Office', 'Annex']);
    expect([...(seen.get('custom-lookup') ?? [])]).toEqual(['B2']);
  });

  it('put the vocabulary first and add seen values without duplicates, ignoring case', () => {
    const seen = seenLookupValues(tickets).get('status') ?? [];
    expect(lookupOptions('status', vocabulary, seen)).toEqual(['Open', 'Closed', 'Escalated']);
    expect(lookupOptions('location', vocabulary, ['Zeta', 'Annex', 'Zeta'])).toEqual(['Annex', 'Zeta']);
  });

  it('take free text unless the server resolves the value and config.json lists the choices', () => {
    expect(lookupAllowsFreeText('status', vocabulary)).toBe(false);
    expect(lookupAllowsFreeText('category', vocabulary)).toBe(true);
    expect(lookupAllowsFreeText('location', vocabulary)).toBe(true);
    expect(lookupAllowsFreeText('custom-lookup', vocabulary)).toBe(true);
  });
});
