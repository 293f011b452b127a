import type { Seq } from '../api/field-map.ts';
import { isForeignKeyName, type FieldCatalog, type SectionLayout } from './field-kinds.ts';
import { ticketCatalog, TicketSeq, ticketSectionLayout, type TicketSection } from './ticket-fields.ts';

// Which ticket fields the edit and create forms offer, in layout order. Both start from the doc page's
// editable table, less the `Seq_*` keys (one field per concept: protocol-notes §5 #15, the name wins over the
// number). The edit form leaves status out: a status change goes through ChangeStatus or Close, which apply
// the note, permission and stop-the-clock rules (protocol-notes §5 #16). A new ticket can only get its first
// status through Properties, so the create form keeps it.

const statusSeqs: readonly Seq[] = [TicketSeq.status, TicketSeq.seqStatus, TicketSeq.statusDescription];

function formSeqs(catalog: FieldCatalog, layout: readonly SectionLayout[], exclude: readonly Seq[]): Seq[] {
  return layout
    .flatMap((entry) => entry.seqs)
    .filter((seq) => {
      const definition = catalog[seq];
      return (
        definition !== undefined &&
        definition.editable &&
        definition.kind !== 'foreign-key' &&
        !isForeignKeyName(definition.name) &&
        !exclude.includes(seq)
      );
    });
}

/** Fields of the edit form (`/tickets/:id/edit`). */
export const ticketEditSeqs: readonly Seq[] = formSeqs(ticketCatalog, ticketSectionLayout, statusSeqs);

/** Fields of the create form (`/tickets/new`): the edit fields plus Status. */
export const ticketCreateSeqs: readonly Seq[] = formSeqs(ticketCatalog, ticketSectionLayout, [
  TicketSeq.seqStatus,
  TicketSeq.statusDescription,
]);

export interface FormSection<Section extends string = string> {
  section: Section;
  title: string;
  seqs: Seq[];
}

/** `seqs` grouped into the layout's sections, in layout order; sections with none of them left out. */
export function formSections(seqs: readonly Seq[]): FormSection<TicketSection>[];
export function formSections<Section extends string>(
  seqs: readonly Seq[],
  layout: readonly SectionLayout<Section>[],
): FormSection<Section>[];
export function formSections(
  seqs: readonly Seq[],
  layout: readonly SectionLayout[] = ticketSectionLayout,
): FormSection[] {
  const wanted = new Set(seqs);
  return layout
    .map((entry) => ({
      section: entry.section,
      title: entry.title,
      seqs: entry.seqs.filter((seq) => wanted.has(seq)),
    }))
    .filter((entry) => entry.seqs.length > 0);
}
