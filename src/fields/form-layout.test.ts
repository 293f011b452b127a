import { describe, expect, it } from 'vitest';
import { formSections, ticketCreateSeqs, ticketEditSeqs } from './form-layout.ts';
import { ticketCatalog, TicketSeq } from './ticket-fields.ts';

describe('form layout', () => {
  it('offers only editable, non-Seq_ fields in the edit form, without status', () => {
    for (const seq of ticketEditSeqs) {
      const definition = ticketCatalog[seq as keyof typeof ticketCatalog];
      expect(definition.editable).toBe(true);
      expect(definition.kind).not.toBe('foreign-key');
    }
    expect(ticketEditSeqs).not.toContain(TicketSeq.status);
    expect(ticketEditSeqs).toContain(TicketSeq.category);
    expect(ticketEditSeqs).toContain(TicketSeq.customText1);
  });

  it('lets a new ticket get its first status', () => {
    expect(ticketCreateSeqs).toContain(TicketSeq.status);
    expect(ticketCreateSeqs.length).toBe(ticketEditSeqs.length + 1);
  });

  it('groups form fields by section in layout order', () => {
    const sections = formSections(ticketEditSeqs);
    expect(sections[0]).toEqual({ section: 'main', title: 'Summary', seqs: [22, 7] });
    expect(sections.flatMap((s) => s.seqs)).toEqual([...ticketEditSeqs]);
    expect(formSections([TicketSeq.priority, TicketSeq.assetName]).map((s) => s.title)).toEqual([
      'Classification',
      'Asset',
    ]);
  });
});
