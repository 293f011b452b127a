import { describe, expect, it } from 'vitest';
import { assignmentCatalog, AssignmentSeq } from './assignment-fields.ts';
import { attachmentCatalog, AttachmentSeq } from './attachment-fields.ts';
import { docEditableTicketSeqs, docNoteFields, docTicketFields } from './doc-page-sequences.fixture.ts';
import { fieldKinds, isForeignKeyName, type FieldCatalog } from './field-kinds.ts';
import { noteCatalog, NoteSeq } from './note-fields.ts';
import { templateCatalog, TemplateSeq } from './template-fields.ts';
import { ticketCatalog, TicketSeq, ticketSectionLayout } from './ticket-fields.ts';

const tickets: FieldCatalog = ticketCatalog;
const seqsOf = (catalog: FieldCatalog) =>
  Object.keys(catalog)
    .map(Number)
    .sort((a, b) => a - b);

describe('the ticket catalog', () => {
  it('holds every sequence of the doc page ticket table, with the doc page name as fallback', () => {
    for (const [seq, name] of docTicketFields) {
      expect(tickets[seq], `seq ${seq}`).toBeDefined();
      expect(tickets[seq]?.name).toBe(name);
    }
  });

  it('holds nothing the doc page does not list', () => {
    expect(seqsOf(tickets)).toEqual(docTicketFields.map(([seq]) => seq));
  });

  it('marks exactly the doc page editable table as editable', () => {
    const editable = seqsOf(tickets).filter((seq) => tickets[seq]?.editable);
    expect(editable).toEqual([...docEditableTicketSeqs]);
    expect(editable).toHaveLength(78);
  });

  it('has a named constant for every sequence, matching the entry key', () => {
    expect(TicketSeq.status).toBe(96);
    expect(TicketSeq.priority).toBe(107);
    expect(TicketSeq.ticketSummary).toBe(22);
    const constants = Object.entries(TicketSeq);
    expect(constants).toHaveLength(docTicketFields.length);
    for (const [key, seq] of constants) expect(tickets[seq]?.key).toBe(key);
  });

  it('uses unique camelCase keys', () => {
    const keys = Object.values(tickets).map((definition) => definition.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it('gives every Seq_ field the foreign-key kind and no other field that kind', () => {
    for (const definition of Object.values(tickets)) {
      expect(definition.kind === 'foreign-key', definition.name).toBe(isForeignKeyName(definition.name));
    }
  });

  it('names the vocabulary that feeds the lookup fields', () => {
    expect(ticketCatalog[TicketSeq.status].lookup).toBe('status');
    expect(ticketCatalog[TicketSeq.priority].lookup).toBe('priority');
    expect(ticketCatalog[TicketSeq.category].lookup).toBe('category');
    expect(ticketCatalog[TicketSeq.assignedToTechnician].lookup).toBe('technician');
    expect(ticketCatalog[TicketSeq.assignedToGroup].lookup).toBe('group');
  });

  it('types dates, durations and custom fields by kind', () => {
    expect(ticketCatalog[TicketSeq.expectedDueDateTime].kind).toBe('date-time');
    expect(ticketCatalog[TicketSeq.duration].kind).toBe('duration');
    expect(ticketCatalog[TicketSeq.customInteger1].kind).toBe('integer');
    expect(ticketCatalog[TicketSeq.customNumeric1].kind).toBe('decimal');
    expect(ticketCatalog[TicketSeq.totalCost].kind).toBe('money');
    expect(ticketCatalog[TicketSeq.requestorEmailAddress].kind).toBe('email');
    expect(ticketCatalog[TicketSeq.inactive].kind).toBe('boolean');
    expect(ticketCatalog[TicketSeq.additionalInformation].kind).toBe('long-text');
  });

  it('only uses known kinds', () => {
    for (const definition of Object.values(tickets)) expect(fieldKinds).toContain(definition.kind);
  });
});

describe('the ticket section layout', () => {
  it('places every catalog field exactly once, in the section the catalog names', () => {
    const placed = ticketSectionLayout.flatMap((entry) =>
      entry.seqs.map((seq) => ({ seq: seq as number, section: entry.section as string })),
    );
    expect(placed.map((p) => p.seq).sort((a, b) => a - b)).toEqual(seqsOf(tickets));
    for (const { seq, section } of placed) expect(tickets[seq]?.section, `seq ${seq}`).toBe(section);
  });

  it('titles the sections as the detail view shows them, ending with Other fields', () => {
    expect(ticketSectionLayout.map((entry) => entry.title)).toEqual([
      'Summary',
      'Requestor',
      'Assignment',
      'Classification',
      'Dates and SLA',
      'Custom fields',
      'Asset',
      'Change',
      'Purchase order',
      'System',
      'Other fields',
    ]);
  });
});

describe('the other catalogs', () => {
  it('holds every sequence of the doc page note table', () => {
    const notes: FieldCatalog = noteCatalog;
    expect(seqsOf(notes)).toEqual(docNoteFields.map(([seq]) => seq));
    for (const [seq, name] of docNoteFields) expect(notes[seq]?.name).toBe(name);
    for (const [key, seq] of Object.entries(NoteSeq)) expect(notes[seq]?.key).toBe(key);
  });

  it('marks what AddNote takes as the editable note fields', () => {
    const notes: FieldCatalog = noteCatalog;
    const editable = seqsOf(notes).filter((seq) => notes[seq]?.editable);
    expect(editable).toEqual([
      NoteSeq.note,
      NoteSeq.duration,
      NoteSeq.activityCode,
      NoteSeq.noteType,
      NoteSeq.private,
    ]);
  });

  it('holds the agreed attachment, assignment and template sequences', () => {
    expect(seqsOf(attachmentCatalog)).toEqual([1, 2, 3, 6, 7, 14]);
    expect(seqsOf(assignmentCatalog)).toEqual([1, 2, 3, 4, 6, 12, 18, 22, 34, 67, 96, 100, 107, 157]);
    expect(seqsOf(templateCatalog)).toEqual([1, 2, 3, 4, 6, 10]);
    const pairs: [Record<string, number>, FieldCatalog][] = [
      [AttachmentSeq, attachmentCatalog],
      [AssignmentSeq, assignmentCatalog],
      [TemplateSeq, templateCatalog],
    ];
    for (const [constants, catalog] of pairs) {
      for (const [key, seq] of Object.entries(constants)) expect(catalog[seq]?.key).toBe(key);
    }
    expect(attachmentCatalog[AttachmentSeq.urlLink].kind).toBe('url');
    expect(assignmentCatalog[AssignmentSeq.assignmentSummary].name).toBe('Assignment Summary');
  });
});
