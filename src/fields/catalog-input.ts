import type { FieldMap, Seq } from '../api/field-map.ts';
import type { Vocabulary } from '../config/config-schema.ts';
import type { FieldCatalog, FieldKind, LookupSource } from './field-kinds.ts';
import { lookupAllowsFreeText, lookupOptions } from './lookup-options.ts';
import { fieldLabel } from './record-view.ts';
import { ticketCatalog } from './ticket-fields.ts';

export interface CatalogInputProps {
  kind: FieldKind;
  /** The server's display name for the field, else the catalog's. */
  label: string;
  /** The form path (the catalog key). */
  path: string;
  options?: string[];
  allowFreeText: boolean;
}

export interface CatalogInputContext {
  /** The loaded record (for renamed labels); null on a blank create form. */
  record: FieldMap | null;
  vocabulary: Vocabulary;
  /** Values seen on loaded records, per lookup source (`seenLookupValues`). */
  seen?: ReadonlyMap<LookupSource, Iterable<string>>;
  catalog?: FieldCatalog;
}

/**
 * Everything a form needs to render one catalog field with `<FieldInput>` apart from the form binding:
 * `<FieldInput {...rest} key={form.key(path)} {...form.getInputProps(path)} />`.
 */
export function catalogInputProps(seq: Seq, context: CatalogInputContext): CatalogInputProps {
  const catalog: FieldCatalog = context.catalog ?? ticketCatalog;
  const definition = catalog[seq];
  if (!definition) throw new Error(`Field ${seq} is not in the catalog.`);
  const label = context.record ? fieldLabel(context.record, seq, catalog) : definition.name;
  if (!definition.lookup) return { kind: definition.kind, label, path: definition.key, allowFreeText: true };
  return {
    kind: definition.kind,
    label,
    path: definition.key,
    options: lookupOptions(definition.lookup, context.vocabulary, context.seen?.get(definition.lookup) ?? []),
    allowFreeText: lookupAllowsFreeText(definition.lookup, context.vocabulary),
  };
}
