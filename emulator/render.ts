// Records go out as `{"<seq>": {"DisplayName": "...", "Value": ...}}` with null fields left out (decisions.md).
// Each field's JSON prefix is built once, so rendering a ticket is string concatenation, not object building.
import type { FieldDef } from './catalog.ts';
import type { Values } from './model.ts';

export interface Renderer {
  /** The record as JSON text. `only` limits it to some sequences (POST /searches ResultFields). */
  json(values: Values, only?: ReadonlySet<number>): string;
}

export function createRenderer(fields: readonly FieldDef[]): Renderer {
  const parts = fields.map((f) => ({
    seq: f.seq,
    key: String(f.seq),
    prefix: `${JSON.stringify(String(f.seq))}:{"DisplayName":${JSON.stringify(f.displayName)},"Value":`,
  }));
  return {
    json(values, only) {
      let out = '{';
      let first = true;
      for (const part of parts) {
        if (only && !only.has(part.seq)) continue;
        const v = values[part.key];
        if (v === undefined || v === null) continue;
        if (!first) out += ',';
        out += part.prefix;
        out += JSON.stringify(v);
        out += '}';
        first = false;
      }
      return `${out}}`;
    },
  };
}

/** GET /module/{seq}/fields: names only, current (renamed) ones (protocol-notes §2.4). */
export function fieldNamesJson(fields: readonly FieldDef[]): string {
  const body: Record<string, { DisplayName: string }> = {};
  for (const f of fields) body[String(f.seq)] = { DisplayName: f.displayName };
  return JSON.stringify(body);
}
