import { describe, expect, it } from 'vitest';
import type { FieldEntry, FieldMap, Seq, WireValue } from '../../api/field-map.ts';
import { TicketSeq } from '../../fields/ticket-fields.ts';
import { toTemplateChoice } from './template-choice.ts';

function record(fields: Record<number, WireValue>): FieldMap {
  return new Map<Seq, FieldEntry>(
    Object.entries(fields).map(([seq, value]) => [Number(seq), { displayName: `Field ${seq}`, value }]),
  );
}

const rows = (pairs: [string, string][]) =>
  `<TemplateData>${pairs
    .map(
      ([field, value]) =>
        `<RowData><sequence>1</sequence><fieldname>${field}</fieldname><value>${value}</value></RowData>`,
    )
    .join('')}</TemplateData>`;

describe('toTemplateChoice', () => {
  it('lists the rows a template fills and the values for the form', () => {
    const choice = toTemplateChoice(
      record({
        1: 3,
        3: 'New Hire',
        4: 'New Hire Creation',
        6: rows([
          ['Ticket Summary', 'New hire'],
          ['Nonsense', 'x'],
        ]),
      }),
    );
    expect(choice.ok).toBe(true);
    if (!choice.ok) return;
    expect(choice.name).toBe('New Hire');
    expect(choice.fills).toEqual([
      { fieldName: 'Ticket Summary', value: 'New hire', filled: true },
      { fieldName: 'Nonsense', value: 'x', filled: false },
    ]);
    expect(choice.values.get(TicketSeq.ticketSummary)).toBe('New hire');
  });

  it('finds renamed fields by the server’s names', () => {
    const names = new Map<Seq, FieldEntry>([
      [TicketSeq.customLookUp1, { displayName: 'Building', value: null }],
    ]);
    const choice = toTemplateChoice(
      record({ 1: 5, 3: 'Software', 6: rows([['Building', 'Building A']]) }),
      names,
    );
    expect(choice.ok && choice.values.get(TicketSeq.customLookUp1)).toBe('Building A');
  });

  it('says why damaged Template Data cannot be read', () => {
    const choice = toTemplateChoice(record({ 1: 9, 3: 'Legacy Import', 6: '<TemplateData><RowData>' }));
    expect(choice.ok).toBe(false);
    expect(!choice.ok && choice.error).toMatch(/not valid XML/);
  });
});
