import type { FieldMap, Seq, WireValue } from '../api/field-map.ts';
import {
  isForeignKeyName,
  type FieldCatalog,
  type FieldDefinition,
  type FieldKind,
  type SectionLayout,
} from './field-kinds.ts';
import { ticketCatalog, ticketSectionLayout } from './ticket-fields.ts';

/**
 * A field's label: the server's DisplayName wins (admins rename fields; the doc page: "If the display names
 * have been changed, the updated values are retrieved"), the catalog's name is the fallback.
 */
export function fieldLabel(map: FieldMap, seq: Seq, catalog: FieldCatalog = ticketCatalog): string {
  const sent = map.get(seq)?.displayName.trim();
  if (sent) return sent;
  return catalog[seq]?.name ?? `Field ${seq}`;
}

export interface ViewField {
  seq: Seq;
  label: string;
  kind: FieldKind;
  value: WireValue;
  /** Undefined for a seq the catalog does not know (shown as text under "Other fields"). */
  definition: FieldDefinition | undefined;
}

export interface ViewSection<Section extends string = string> {
  section: Section | 'other';
  title: string;
  fields: ViewField[];
}

export interface GroupOptions<Section extends string> {
  /** Show `Seq_*` foreign keys (hidden by default: numbers only an admin can read). */
  showSeqFields?: boolean;
  /** Section order, titles and field order; default: the ticket layout. */
  layout?: readonly SectionLayout<Section | 'other'>[];
}

function isEmpty(value: WireValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * The record's fields grouped into the layout's sections, in layout order. Empty fields and empty sections are
 * left out, `Seq_*` fields too unless asked for, and seqs the catalog (or layout) does not place go to
 * "Other fields", in seq order. The 'main' section (summary, description) is included; the header decides
 * whether to show it as a section.
 */
export function groupBySection<Section extends string>(
  map: FieldMap,
  catalog: FieldCatalog<Section> = ticketCatalog as unknown as FieldCatalog<Section>,
  options: GroupOptions<Section> = {},
): ViewSection<Section>[] {
  const layout = options.layout ?? (ticketSectionLayout as readonly SectionLayout<Section | 'other'>[]);
  const showSeqFields = options.showSeqFields ?? false;

  const placed = new Map<Seq, string>();
  for (const entry of layout) for (const seq of entry.seqs) placed.set(seq, entry.section);
  const sectionsInLayout = new Set<string>(layout.map((entry) => entry.section));

  const visible = (seq: Seq): ViewField | null => {
    const entry = map.get(seq);
    if (!entry || isEmpty(entry.value)) return null;
    const definition = catalog[seq];
    const foreignKey =
      definition?.kind === 'foreign-key' ||
      isForeignKeyName(entry.displayName) ||
      isForeignKeyName(definition?.name ?? '');
    if (foreignKey && !showSeqFields) return null;
    return {
      seq,
      label: fieldLabel(map, seq, catalog),
      kind: definition?.kind ?? 'text',
      value: entry.value,
      definition,
    };
  };

  const fieldsBySection = new Map<string, ViewField[]>();
  const push = (section: string, field: ViewField): void => {
    const list = fieldsBySection.get(section) ?? [];
    list.push(field);
    fieldsBySection.set(section, list);
  };

  for (const entry of layout) {
    for (const seq of entry.seqs) {
      const field = visible(seq);
      if (field) push(entry.section, field);
    }
  }
  const rest = [...map.keys()].filter((seq) => !placed.has(seq)).sort((a, b) => a - b);
  for (const seq of rest) {
    const field = visible(seq);
    if (!field) continue;
    const section = field.definition?.section;
    // A catalog field missing from the layout still shows, at the end of its own section.
    push(section !== undefined && sectionsInLayout.has(section) ? section : 'other', field);
  }

  const result: ViewSection<Section>[] = [];
  for (const entry of layout) {
    const fields = fieldsBySection.get(entry.section);
    if (fields && fields.length > 0) result.push({ section: entry.section, title: entry.title, fields });
  }
  const other = fieldsBySection.get('other');
  if (other && other.length > 0 && !sectionsInLayout.has('other')) {
    result.push({ section: 'other', title: 'Other fields', fields: other });
  }
  return result;
}
