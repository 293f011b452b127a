import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldEntry, FieldMap } from '../api/field-map.ts';
import { noteCatalog } from './note-fields.ts';
import { fieldLabel, groupBySection } from './record-view.ts';
import { ticketCatalog, TicketSeq } from './ticket-fields.ts';

function record(entries: Record<number, [string, FieldEntry['value']]>): FieldMap {
  return new Map(
    Object.entries(entries).map(([seq, [displayName, value]]) => [Number(seq), { displayName, value }]),
  );
}

const ticket = record({
  1: ['Ticket ID', 101],
  4: ['Seq_Group', 2],
  7: ['Additional Information', 'Printer on 3rd floor\njams'],
  22: ['Ticket Summary', 'Printer jams'],
  37: ['Requestor First Name', 'Jane'],
  38: ['Requestor Last Name', ''],
  72: ['Category', 'Hardware'],
  85: ['Asset Tag', 'AT-0042'],
  96: ['Status', 'Open'],
  107: ['Priority', '2 - High'],
  999: ['Mystery Field', 'something new'],
  998: ['Seq_Mystery', 7],
});

describe('fieldLabel', () => {
  it('uses the display name the server sent, so renamed fields show their new names', () => {
    expect(fieldLabel(ticket, TicketSeq.customText1, ticketCatalog)).toBe('Asset Tag');
  });

  it('falls back to the catalog name, then to the seq', () => {
    expect(fieldLabel(ticket, TicketSeq.customDate1, ticketCatalog)).toBe('Custom Date 1');
    expect(fieldLabel(record({ 96: ['  ', 'Open'] }), 96)).toBe('Status');
    expect(fieldLabel(ticket, 4242)).toBe('Field 4242');
  });
});

describe('groupBySection', () => {
  it('groups fields in layout order, leaving out empty fields and empty sections', () => {
    const sections = groupBySection(ticket, ticketCatalog);
    expect(sections.map((s) => s.title)).toEqual([
      'Summary',
      'Requestor',
      'Classification',
      'Custom fields',
      'System',
      'Other fields',
    ]);
    expect(sections[0]?.fields.map((f) => f.seq)).toEqual([22, 7]);
    expect(sections[1]?.fields.map((f) => f.label)).toEqual(['Requestor First Name']);
    expect(sections[2]?.fields.map((f) => f.seq)).toEqual([96, 107, 72]);
  });

  it('hides Seq_ fields unless asked for', () => {
    const hidden = groupBySection(ticket, ticketCatalog).flatMap((s) => s.fields.map((f) => f.seq));
    expect(hidden).not.toContain(4);
    expect(hidden).not.toContain(998);
    const shown = groupBySection(ticket, ticketCatalog, { showSeqFields: true });
    expect(shown.find((s) => s.section === 'assignment')?.fields.map((f) => f.label)).toEqual(['Seq_Group']);
    expect(shown.find((s) => s.section === 'other')?.fields.map((f) => f.seq)).toEqual([998, 999]);
  });

  it('shows unknown seqs as text under Other fields, labelled by the server', () => {
    const other = groupBySection(ticket, ticketCatalog).find((s) => s.section === 'other');
    expect(other?.title).toBe('Other fields');
    expect(other?.fields).toEqual([
      { seq: 999, label: 'Mystery Field', kind: 'text', value: 'something new', definition: undefined },
    ]);
  });

  it('uses the renamed label and the catalog kind', () => {
    const custom = groupBySection(ticket, ticketCatalog).find((s) => s.section === 'custom');
    expect(custom?.fields).toEqual([
      { seq: 85, label: 'Asset Tag', kind: 'text', value: 'AT-0042', definition: ticketCatalog[85] },
    ]);
  });

  it('returns nothing for an empty record', () => {
    expect(groupBySection(new Map(), ticketCatalog)).toEqual([]);
  });

  it('works for another catalog with its own layout, placing fields the layout misses in their section', () => {
    const note = record({
      5: ['Note', 'Hello'],
      26: ['Note Type', 'Technician Note'],
      1: ['Sequence', 1001],
    });
    const sections = groupBySection(note, noteCatalog, {
      layout: [
        { section: 'main', title: 'Note', seqs: [5] },
        { section: 'details', title: 'Details', seqs: [] },
      ],
    });
    expect(sections.map((s) => [s.title, s.fields.map((f) => f.seq)])).toEqual([
      ['Note', [5]],
      ['Details', [26]],
      ['Other fields', [1]],
    ]);
  });
});

describe('groupBySection on any record', () => {
  it('shows each non-empty field at most once and never throws', () => {
    const entry = fc.record({
      displayName: fc.oneof(fc.string(), fc.constantFrom('Seq_Group', 'Status', '')),
      value: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), entry), { maxLength: 60 }),
        fc.boolean(),
        (pairs, showSeqFields) => {
          const map: FieldMap = new Map(pairs);
          const shown = groupBySection(map, ticketCatalog, { showSeqFields }).flatMap((s) => s.fields);
          const seqs = shown.map((f) => f.seq);
          expect(new Set(seqs).size).toBe(seqs.length);
          for (const field of shown) {
            expect(map.get(field.seq)?.value).toBe(field.value);
            expect(field.value === null || field.value === '').toBe(false);
            expect(field.label.trim()).not.toBe('');
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
