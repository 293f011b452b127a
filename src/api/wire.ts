import * as z from 'zod/mini';
import { ApiError } from './api-error.ts';
import { toFieldMap, type FieldMap } from './field-map.ts';

// Tolerant wire schemas: every envelope variant of decisions.md and protocol-notes §5 is accepted, anything
// else becomes ApiError 'malformed' (an error state, never an uncaught exception). Parsers take `unknown`
// (already JSON-parsed) and either return a value or throw ApiError('malformed').

const wireRecord = z.record(z.string(), z.unknown());

/** protocol-notes §5 #5: a record may come as an object or as an array of one (the first is taken). */
const optionalRecordOrFirst = z.pipe(
  z.optional(z.union([wireRecord, z.array(z.unknown()), z.null()])),
  z.transform((value: Record<string, unknown> | unknown[] | null | undefined) => {
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value)) return value;
    const first = wireRecord.safeParse(value[0]);
    return first.success ? first.data : null;
  }),
);

/** Counts have only been seen as numbers; a numeric string is tolerated. */
const count = z.pipe(
  z.optional(
    z.union([
      z.int().check(z.nonnegative()),
      z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number)),
      z.null(),
    ]),
  ),
  z.transform((value: number | null | undefined) => value ?? null),
);

function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected shape';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

function parseWith<Out>(schema: z.ZodMiniType<Out>, body: unknown, what: string): Out {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new ApiError(
      'malformed',
      `The server's answer for ${what} could not be read (${describeIssue(result.error)}).`,
      {
        status: 200,
      },
    );
  }
  return result.data;
}

/** Records a custom issue from inside a transform (zod/mini: issues are pushed onto the payload). */
function fail(ctx: z.core.ParsePayload, input: unknown, message: string): never {
  ctx.issues.push({ code: 'custom', message, input });
  return z.NEVER;
}

function malformed(what: string, detail: string): ApiError {
  return new ApiError('malformed', `The server's answer for ${what} could not be read (${detail}).`, {
    status: 200,
  });
}

// ---- Tickets -------------------------------------------------------------------------------------------------

/** protocol-notes §5 #1: `{"Ticket": {...}}` on real servers, `{"Tickets": {...}}` on the doc page. */
const ticketEnvelope = z.pipe(
  z.object({ Ticket: optionalRecordOrFirst, Tickets: optionalRecordOrFirst }),
  z.transform((value, ctx) => {
    const record = value.Ticket ?? value.Tickets;
    if (!record) return fail(ctx, value, 'expected "Ticket" or "Tickets"');
    return record;
  }),
);

export function parseTicketEnvelope(body: unknown, what = 'the ticket'): FieldMap {
  return toFieldMap(parseWith(ticketEnvelope, body, what));
}

export interface TicketWithNote {
  ticket: FieldMap;
  /** The note the call wrote; null when the server sent none. */
  note: FieldMap | null;
}

/** protocol-notes §5 #2: the note is under `Note`, `TicketNote` or `AssignmentNote`, object or array. */
const ticketWithNoteEnvelope = z.pipe(
  z.object({
    Ticket: optionalRecordOrFirst,
    Tickets: optionalRecordOrFirst,
    Note: optionalRecordOrFirst,
    TicketNote: optionalRecordOrFirst,
    AssignmentNote: optionalRecordOrFirst,
  }),
  z.transform((value, ctx) => {
    const ticket = value.Ticket ?? value.Tickets;
    if (!ticket) return fail(ctx, value, 'expected "Ticket" or "Tickets"');
    return { ticket, note: value.Note ?? value.TicketNote ?? value.AssignmentNote };
  }),
);

export function parseTicketWithNote(body: unknown, what = 'the ticket'): TicketWithNote {
  const parsed = parseWith(ticketWithNoteEnvelope, body, what);
  return { ticket: toFieldMap(parsed.ticket), note: parsed.note ? toFieldMap(parsed.note) : null };
}

// ---- Notes, attachments, assignments -------------------------------------------------------------------------

/** protocol-notes §5 #5: GET /tickets/Note/{id} answers `{"Note": [ {...} ]}`; an object is accepted too. */
const noteEnvelope = z.pipe(
  z.object({
    Note: optionalRecordOrFirst,
    TicketNote: optionalRecordOrFirst,
    AssignmentNote: optionalRecordOrFirst,
  }),
  z.transform((value, ctx) => {
    const record = value.Note ?? value.TicketNote ?? value.AssignmentNote;
    if (!record) return fail(ctx, value, 'expected "Note" with one record');
    return record;
  }),
);

export function parseNoteEnvelope(body: unknown, what = 'the note'): FieldMap {
  return toFieldMap(parseWith(noteEnvelope, body, what));
}

export interface RecordList {
  /** Total linked records (protocol-notes §2.5: independent of the page); the length of `records` if absent. */
  count: number;
  records: FieldMap[];
}

export type ListKind = 'notes' | 'attachments' | 'assignments';

/** decisions.md, Envelopes: `{"Count": n, "<Key>": [...]}`; the first key is the observed one. */
const LIST_KEYS: Record<ListKind, readonly string[]> = {
  notes: ['TicketNotes', 'Notes', 'AssignmentNotes'],
  attachments: ['TicketAttachments', 'Attachments', 'AssignmentAttachments'],
  assignments: ['Assignments', 'TicketAssignments'],
};

const listEnvelope = z.looseObject({ Count: count });

export function parseRecordList(body: unknown, kind: ListKind, what: string = kind): RecordList {
  const envelope = parseWith(listEnvelope, body, what) as { Count: number | null } & Record<string, unknown>;
  const key = LIST_KEYS[kind].find((candidate) => candidate in envelope && envelope[candidate] !== null);
  if (key === undefined) {
    // protocol-notes §2.5: an empty set may come without its array.
    if (envelope.Count === 0) return { count: 0, records: [] };
    throw malformed(what, `expected "${LIST_KEYS[kind][0]}"`);
  }
  const records = parseWith(z.array(wireRecord), envelope[key], what).map(toFieldMap);
  return { count: envelope.Count ?? records.length, records };
}

// ---- Templates, delete, searches, module fields --------------------------------------------------------------

const templatesEnvelope = z.pipe(
  z.looseObject({
    TicketTemplates: z.nullish(z.array(wireRecord)),
    Templates: z.nullish(z.array(wireRecord)),
  }),
  z.transform((value, ctx) => {
    const list = value.TicketTemplates ?? value.Templates;
    if (!list) return fail(ctx, value, 'expected "TicketTemplates"');
    return list;
  }),
);

export function parseTemplates(body: unknown, what = 'the ticket templates'): FieldMap[] {
  return parseWith(templatesEnvelope, body, what).map(toFieldMap);
}

/** protocol-notes §5 #28: Delete answers `{"success": true}` (camelCase, unlike everything else). */
const successFlag = z.optional(z.union([z.boolean(), z.enum(['true', 'false', 'True', 'False'])]));
const successEnvelope = z.pipe(
  z.looseObject({ success: successFlag, Success: successFlag }),
  z.transform((value, ctx) => {
    const flag = value.success ?? value.Success;
    if (flag === undefined) return fail(ctx, value, 'expected "success"');
    return flag === true || flag === 'true' || flag === 'True';
  }),
);

export function parseSuccess(body: unknown, what = 'the request'): boolean {
  return parseWith(successEnvelope, body, what);
}

export interface SearchResults {
  /** Total matches when the server says so; null when it does not. */
  count: number | null;
  records: FieldMap[];
}

/**
 * decisions.md, POST /searches: the response is undocumented, so the first array in it is taken as the
 * records (or the body itself when it is an array); `Count` is used only when it is a number.
 */
export function parseSearchResults(body: unknown, what = 'the search'): SearchResults {
  let list: unknown[] | undefined;
  let total: number | null = null;
  if (Array.isArray(body)) {
    list = body;
  } else if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    list = Object.values(record).find((value): value is unknown[] => Array.isArray(value));
    const rawCount = record.Count ?? record.count;
    if (typeof rawCount === 'number' && Number.isInteger(rawCount) && rawCount >= 0) total = rawCount;
  }
  if (!list) throw malformed(what, 'no list of records');
  const records = list.filter((item) => typeof item === 'object' && item !== null && !Array.isArray(item));
  return { count: total, records: records.map(toFieldMap) };
}

function hasSeqEntries(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).some(
    ([key, entry]) =>
      /^\d+$/.test(key) && typeof entry === 'object' && entry !== null && !Array.isArray(entry),
  );
}

/**
 * protocol-notes §2.4: GET /module/{seq}/fields answers `{"1": {"DisplayName": "Ticket ID"}, ...}` (no Value,
 * maybe no wrapper). A single wrapper object around that map is accepted too. Values are null.
 */
export function parseModuleFields(body: unknown, what = 'the module fields'): FieldMap {
  if (hasSeqEntries(body)) return toFieldMap(body);
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const inner = Object.values(body).find(hasSeqEntries);
    if (inner !== undefined) return toFieldMap(inner);
  }
  throw malformed(what, 'no field list');
}

// ---- Token ---------------------------------------------------------------------------------------------------

const optionalText = z.pipe(
  z.optional(z.union([z.string(), z.number(), z.null()])),
  z.transform((value: string | number | null | undefined) =>
    value === undefined || value === null ? null : String(value).trim() || null,
  ),
);

/** protocol-notes §1.2: OWIN token response with Track-It!'s flat technician keys (spaces included). */
export const tokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.optional(z.string()),
  expires_in: z.catch(
    z.optional(
      z.union([
        z.number().check(z.positive()),
        z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number)),
      ]),
    ),
    undefined,
  ),
  refresh_token: z.catch(z.optional(z.string().check(z.minLength(1))), undefined),
  '.expires': z.catch(z.optional(z.string()), undefined),
  username: optionalText,
  usergroupname: optionalText,
  'First Name': optionalText,
  'Last Name': optionalText,
  'EMail Address': optionalText,
});

export type TokenResponse = z.infer<typeof tokenResponseSchema>;
