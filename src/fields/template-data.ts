import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FieldMap, Seq } from '../api/field-map.ts';
import type { FieldCatalog } from './field-kinds.ts';
import { ticketCatalog } from './ticket-fields.ts';

// A template's `Template Data` (seq 6) is XML of `<RowData>` rows (doc page, GET /tickets/Templates):
//   <TemplateData><RowData><sequence>81</sequence>...<fieldname>Status</fieldname><value>Open</value></RowData>...
// Prefill goes by `<fieldname>` (a display name) and `<value>`. `<sequence>` is NOT a ticket field sequence
// (81 there is Status, 114 Priority; protocol-notes §5 #18), so it is never read.

export interface TemplateRow {
  fieldName: string;
  value: string;
}

export type TemplateDataResult = { ok: true; rows: TemplateRow[] } | { ok: false; error: string };

/** Larger than any real template; refuses to spend time on something that is not one. */
const MAX_TEMPLATE_DATA_LENGTH = 1_000_000;

const parser = new XMLParser({
  // decisions.md, "Templates": no entity expansion. The five XML entities and character references are decoded
  // below, by hand, in one pass.
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Keep every value a string: "001" and "3 - Medium" must arrive as written.
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name.toLowerCase() === 'rowdata',
});

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined XML entities and character references; unknown entities stay as written. */
function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return XML_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The child of `node` whose tag is `name`, ignoring case (`<FieldName>` and `<fieldname>` both occur in the wild). */
function child(node: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(node).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : node[key];
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // An element with attributes or mixed content: fast-xml-parser keeps its text under '#text'.
  if (isRecord(value) && typeof value['#text'] === 'string') return value['#text'];
  return null;
}

function findRowNodes(node: unknown, depth = 0): unknown[] {
  if (!isRecord(node) || depth > 3) return [];
  const rows = child(node, 'rowdata');
  if (Array.isArray(rows)) return rows;
  for (const value of Object.values(node)) {
    const found = findRowNodes(value, depth + 1);
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * Parses Template Data into `{ fieldName, value }` rows, in document order. Empty data is a template that fills
 * nothing (`rows: []`). Malformed XML, and any DOCTYPE (which could declare entities; decisions.md says no DTD
 * handling), give `{ ok: false, error }` with a message fit to show the technician.
 */
export function parseTemplateData(xml: string | null | undefined): TemplateDataResult {
  const text = (xml ?? '').trim();
  if (text === '') return { ok: true, rows: [] };
  if (text.length > MAX_TEMPLATE_DATA_LENGTH) {
    return { ok: false, error: 'The template data is too large to read.' };
  }
  // Refused outright rather than skipped: a DOCTYPE in template data is either an attack (entity expansion,
  // XXE) or not Track-It!'s format, and silently reading around it would hide that.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    return {
      ok: false,
      error:
        'The template data contains a DOCTYPE or ENTITY declaration, which is not allowed; it was not read.',
    };
  }
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    return { ok: false, error: `The template data is not valid XML (line ${line}, column ${col}): ${msg}` };
  }
  let document: unknown;
  try {
    document = parser.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: `The template data could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const rows: TemplateRow[] = [];
  for (const row of findRowNodes(document)) {
    if (!isRecord(row)) continue;
    const fieldName = textOf(child(row, 'fieldname'));
    if (fieldName === null || fieldName.trim() === '') continue;
    rows.push({
      fieldName: decodeXmlText(fieldName.trim()),
      value: decodeXmlText(textOf(child(row, 'value')) ?? ''),
    });
  }
  return { ok: true, rows };
}

export interface TemplateTicketValues {
  /** Values for editable ticket fields, by seq; a later row for the same field wins (as Create does). */
  values: Map<Seq, string>;
  /** Rows whose field name matches no ticket field. */
  unmatched: TemplateRow[];
  /** Rows for fields the API does not let a client set. */
  readOnly: TemplateRow[];
}

function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Maps template rows to ticket seqs by field name (case-insensitive, trimmed). The server's current display
 * names (from a loaded ticket's FieldMap, or any seq -> name map) are tried first, because admins rename
 * fields and templates are written with the names of their site; the catalog's names are the fallback.
 */
export function templateRowsToTicketValues(
  rows: readonly TemplateRow[],
  catalog: FieldCatalog = ticketCatalog,
  fieldNames?: FieldMap | ReadonlyMap<Seq, string>,
): TemplateTicketValues {
  const bySeqName = new Map<string, Seq>();
  for (const [seq, definition] of Object.entries(catalog)) {
    bySeqName.set(normalizeName(definition.name), Number(seq));
  }
  if (fieldNames) {
    for (const [seq, entry] of fieldNames) {
      const name = typeof entry === 'string' ? entry : entry.displayName;
      if (name.trim() !== '') bySeqName.set(normalizeName(name), seq);
    }
  }
  const values = new Map<Seq, string>();
  const unmatched: TemplateRow[] = [];
  const readOnly: TemplateRow[] = [];
  for (const row of rows) {
    const seq = bySeqName.get(normalizeName(row.fieldName));
    const definition = seq === undefined ? undefined : catalog[seq];
    if (seq === undefined || definition === undefined) unmatched.push(row);
    else if (!definition.editable) readOnly.push(row);
    else values.set(seq, row.value);
  }
  return { values, unmatched, readOnly };
}
