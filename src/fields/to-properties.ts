import type { FieldMap, Seq, WireValue } from '../api/field-map.ts';
import type { FieldCatalog } from './field-kinds.ts';
import { ticketCatalog } from './ticket-fields.ts';

export class NotEditableFieldError extends Error {
  readonly seq: Seq;
  constructor(seq: Seq, name: string) {
    super(`Field ${seq} (${name}) cannot be set through the WebApi.`);
    this.name = 'NotEditableFieldError';
    this.seq = seq;
  }
}

/**
 * The `Properties` object of POST /tickets and POST /tickets/{id}: the one place where seqs become the
 * display-name keys the API wants (protocol-notes §2.3: every real client keys by display name; seq keys are
 * documented only). The key is the display name the server last sent for that seq (renamed fields are known
 * by their new names), else the catalog's name. Only `changedSeqs` are sent; a seq the catalog does not mark
 * editable (or does not know) throws NotEditableFieldError: forms are built from editable fields, so this is a
 * programming error, not user input.
 */
export function toProperties(
  changedSeqs: Iterable<Seq>,
  values: ReadonlyMap<Seq, WireValue> | Readonly<Partial<Record<Seq, WireValue>>>,
  record: FieldMap | null,
  catalog: FieldCatalog = ticketCatalog,
): Record<string, WireValue> {
  const properties: Record<string, WireValue> = {};
  for (const seq of changedSeqs) {
    const definition = catalog[seq];
    if (!definition || !definition.editable) {
      throw new NotEditableFieldError(
        seq,
        record?.get(seq)?.displayName || definition?.name || 'unknown field',
      );
    }
    const value =
      values instanceof Map ? values.get(seq) : (values as Readonly<Partial<Record<Seq, WireValue>>>)[seq];
    const key = record?.get(seq)?.displayName.trim() || definition.name;
    properties[key] = value ?? null;
  }
  return properties;
}
