import { describe, expect, it } from 'vitest';
import type { FieldMap } from '../api/field-map.ts';
import { vocabularySchema } from '../config/config-schema.ts';
import { catalogInputProps } from './catalog-input.ts';
import { TicketSeq } from './ticket-fields.ts';

const vocabulary = vocabularySchema.parse({ priorities: ['1 - Critical', '2 - High'] });
const ticket: FieldMap = new Map([[85, { displayName: 'Asset Tag', value: 'AT-1' }]]);

describe('catalogInputProps', () => {
  it('labels a renamed field by its new name and binds it by catalog key', () => {
    expect(catalogInputProps(TicketSeq.customText1, { record: ticket, vocabulary })).toEqual({
      kind: 'text',
      label: 'Asset Tag',
      path: 'customText1',
      allowFreeText: true,
    });
  });

  it('feeds lookups from the vocabulary and seen values, as a strict list when configured', () => {
    const props = catalogInputProps(TicketSeq.priority, {
      record: null,
      vocabulary,
      seen: new Map([['priority', ['3 - Medium']]]),
    });
    expect(props).toEqual({
      kind: 'text',
      label: 'Priority',
      path: 'priority',
      options: ['1 - Critical', '2 - High', '3 - Medium'],
      allowFreeText: false,
    });
  });

  it('refuses a seq the catalog does not know', () => {
    expect(() => catalogInputProps(4242, { record: null, vocabulary })).toThrow(/4242/);
  });
});
