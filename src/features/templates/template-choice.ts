import type { FieldMap, Seq } from '../../api/field-map.ts';
import { wireText } from '../../fields/codecs.ts';
import {
  parseTemplateData,
  templateRowsToTicketValues,
  type TemplateRow,
} from '../../fields/template-data.ts';
import { TemplateSeq } from '../../fields/template-fields.ts';

// A ticket template as the picker shows it and the create form uses it: name, description, the rows of its
// Template Data (parsed safely: no DTD, no entities, template-data.ts) and the ticket fields they fill.

export interface TemplateFill extends TemplateRow {
  /** False when the row names no ticket field a client can set: the form cannot fill it. */
  filled: boolean;
}

export type TemplateChoice =
  | {
      id: number;
      name: string;
      description: string | null;
      ok: true;
      fills: TemplateFill[];
      /** Values for the create form, by seq, as the template writes them. */
      values: Map<Seq, string>;
    }
  | { id: number; name: string; description: string | null; ok: false; error: string };

/**
 * `fieldNames`: the server's display names by seq (GET /module/{id}/fields, or a loaded ticket), so rows written
 * with a site's renamed names ("Building" for Custom Look Up 1) still find their field.
 */
export function toTemplateChoice(template: FieldMap, fieldNames?: FieldMap | null): TemplateChoice {
  const id = Number(template.get(TemplateSeq.sequence)?.value ?? NaN);
  const name = wireText(template.get(TemplateSeq.name)?.value ?? null) ?? `Template ${id}`;
  const description = wireText(template.get(TemplateSeq.description)?.value ?? null);
  const parsed = parseTemplateData(wireText(template.get(TemplateSeq.templateData)?.value ?? null));
  if (!parsed.ok) return { id, name, description, ok: false, error: parsed.error };
  const mapped = templateRowsToTicketValues(parsed.rows, undefined, fieldNames ?? undefined);
  const skipped = new Set<TemplateRow>([...mapped.unmatched, ...mapped.readOnly]);
  const fills = parsed.rows.map((row) => ({ ...row, filled: !skipped.has(row) }));
  return { id, name, description, ok: true, fills, values: mapped.values };
}
