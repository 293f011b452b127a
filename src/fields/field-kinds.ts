// The kinds a field can have. Display (`field-value.tsx`) and input (`field-input.tsx`) registries are typed
// `satisfies Record<FieldKind, ...>`, so adding a kind here fails to compile until both handle it.

export const fieldKinds = [
  'text',
  'long-text',
  'date-time',
  'integer',
  'decimal',
  'money',
  'boolean',
  'duration',
  'email',
  'phone',
  'url',
  'foreign-key',
] as const;

export type FieldKind = (typeof fieldKinds)[number];

/**
 * Where an input's suggestions come from. The WebApi has no lookup endpoints (protocol-notes §2.2), so forms
 * are given options from `config.json`'s vocabulary and values seen on loaded tickets (decisions.md, "Lookup
 * values"); sources the vocabulary lacks (location, department, ...) rely on values seen only.
 */
export type LookupSource =
  | 'status'
  | 'priority'
  | 'category'
  | 'technician'
  | 'group'
  | 'requestor'
  | 'location'
  | 'department'
  | 'sla'
  | 'template'
  | 'ticket-source'
  | 'custom-lookup'
  | 'note-type'
  | 'activity-code';

export interface FieldDefinition<Section extends string = string> {
  /** camelCase name used in code (form values, tests). Never sent to the server. */
  readonly key: string;
  /** The doc page's display name: the label when the server sent none, and the Properties key fallback. */
  readonly name: string;
  readonly kind: FieldKind;
  readonly section: Section;
  /** Whether the doc page lists the field as updatable. */
  readonly editable: boolean;
  readonly lookup?: LookupSource;
}

/** seq -> definition. Catalog objects are declared `as const satisfies` a stricter type; this is the read view. */
export type FieldCatalog<Section extends string = string> = Readonly<
  Record<number, FieldDefinition<Section>>
>;

export interface SectionLayout<Section extends string = string> {
  readonly section: Section;
  readonly title: string;
  readonly seqs: readonly number[];
}

/** A field's sequence is `Seq_*` style (a foreign key): hidden unless the technician asks for them. */
export function isForeignKeyName(name: string): boolean {
  return /^seq_/i.test(name.trim());
}
