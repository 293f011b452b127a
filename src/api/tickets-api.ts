import type { ApiClient } from './client.ts';
import { ApiError } from './api-error.ts';
import type { FieldMap, WireValue } from './field-map.ts';
import {
  parseModuleFields,
  parseNoteEnvelope,
  parseRecordList,
  parseSearchResults,
  parseSuccess,
  parseTemplates,
  parseTicketEnvelope,
  parseTicketWithNote,
  type RecordList,
  type SearchResults,
  type TicketWithNote,
} from './wire.ts';

// Fetchers for every ticket endpoint the app uses (ticket-web-apis.txt; protocol-notes §2.1). Paths use the
// Swagger casing; the server matches case-insensitively (protocol-notes §3). Each returns normalised
// FieldMaps or throws ApiError.

export type TicketId = number;
export type NoteId = number;

export type { RecordList, SearchResults, TicketWithNote };

/** `{ "<Display Name>": value }` (protocol-notes §5 #12); build it with fields/to-properties.ts. */
export type TicketProperties = Record<string, WireValue>;

export interface UpdateTicketInput {
  properties: TicketProperties;
  /** 2021: a note written together with the update (protocol-notes §2.3, OptionalParams.Note). */
  note?: AddNoteInput;
}

export interface CreateTicketInput {
  properties: TicketProperties;
}

export interface AddNoteInput {
  noteType: string;
  activityCode: string;
  note: string;
  /** `hh:mm:ss` (protocol-notes §5 #20); comes back as whole seconds. Omitted = 0. */
  duration?: string;
  /** Always sent (protocol-notes §5 #22). */
  private: boolean;
}

/** The note of ChangeStatus and Close has no Duration (protocol-notes §2.3, ChangeStatusNoteDto). */
export interface StatusNoteInput {
  noteType: string;
  activityCode: string;
  note: string;
  private: boolean;
}

export interface ChangeStatusInput {
  statusName: string;
  note?: StatusNoteInput;
}

export interface CloseInput {
  note?: StatusNoteInput;
}

export interface NotesQuery {
  /** Include system notes (`SystemNote=true`). */
  systemNotes: boolean;
  /** Characters per note; -1 = all (protocol-notes §5 #27). */
  maxContentLength: number;
  /** 0 = all (protocol-notes §2.5). */
  pageSize?: number;
  /** 1-based; 0 = all. */
  pageNumber?: number;
}

export interface PageQuery {
  pageSize?: number;
  pageNumber?: number;
}

export interface SearchInput {
  term: string;
  moduleId: number;
  pageSize?: number;
  pageNumber?: number;
  /** Sequences to return; decisions.md: the emulator always adds seq 1. */
  resultFields?: number[];
  maxContentLength?: number;
}

function idSegment(id: number): string {
  if (!Number.isSafeInteger(id) || id < 0) {
    throw new ApiError('bad-request', `${String(id)} is not a valid id.`, { status: 0 });
  }
  return String(id);
}

function paging(query: PageQuery | undefined): string {
  const size = query?.pageSize ?? 0;
  const number = query?.pageNumber ?? 0;
  return `${idSegment(size)}/${idSegment(number)}`;
}

function noteBody(input: AddNoteInput): Record<string, unknown> {
  return {
    'Note Type': input.noteType,
    'Activity Code': input.activityCode,
    Note: input.note,
    Duration: input.duration ?? '00:00:00',
    Private: input.private,
  };
}

function statusNoteBody(input: StatusNoteInput): Record<string, unknown> {
  return {
    'Note Type': input.noteType,
    'Activity Code': input.activityCode,
    Note: input.note,
    Private: input.private,
  };
}

/** GET /tickets/{id} */
export async function getTicket(client: ApiClient, id: TicketId, signal?: AbortSignal): Promise<FieldMap> {
  const body = await client.get(`tickets/${idSegment(id)}`, signal ? { signal } : {});
  return parseTicketEnvelope(body, `ticket ${id}`);
}

/** POST /tickets/{id} with `{Properties}`; answers the whole ticket (protocol-notes §5 #14). */
export async function updateTicket(
  client: ApiClient,
  id: TicketId,
  input: UpdateTicketInput,
): Promise<FieldMap> {
  const json: Record<string, unknown> = { Properties: input.properties };
  if (input.note) json.OptionalParams = { Note: noteBody(input.note) };
  const body = await client.post(`tickets/${idSegment(id)}`, { json });
  return parseTicketEnvelope(body, `ticket ${id}`);
}

/** POST /tickets with `{Properties}`; the new ticket's id is seq 1. */
export async function createTicket(client: ApiClient, input: CreateTicketInput): Promise<FieldMap> {
  const body = await client.post('tickets', { json: { Properties: input.properties } });
  return parseTicketEnvelope(body, 'the new ticket');
}

/** GET /tickets/{id}/Notes/{pageSize}/{pageNumber}?maxContentLength=&SystemNote= (protocol-notes §5 #6, #27). */
export async function getTicketNotes(
  client: ApiClient,
  id: TicketId,
  query: NotesQuery,
  signal?: AbortSignal,
): Promise<RecordList> {
  const body = await client.get(`tickets/${idSegment(id)}/Notes/${paging(query)}`, {
    searchParams: { maxContentLength: query.maxContentLength, SystemNote: query.systemNotes },
    ...(signal ? { signal } : {}),
  });
  return parseRecordList(body, 'notes', `the notes of ticket ${id}`);
}

/** GET /tickets/Note/{noteId}: one note in full (`{"Note": [ {...} ]}`, protocol-notes §5 #5). */
export async function getNote(client: ApiClient, noteId: NoteId, signal?: AbortSignal): Promise<FieldMap> {
  const body = await client.get(`tickets/Note/${idSegment(noteId)}`, signal ? { signal } : {});
  return parseNoteEnvelope(body, `note ${noteId}`);
}

/** POST /tickets/{id}/AddNote; answers the ticket and the note. Never retried automatically. */
export async function addNote(client: ApiClient, id: TicketId, input: AddNoteInput): Promise<TicketWithNote> {
  const body = await client.post(`tickets/${idSegment(id)}/AddNote`, { json: noteBody(input) });
  return parseTicketWithNote(body, `the note added to ticket ${id}`);
}

/** GET /tickets/{id}/Attachments/{pageSize}/{pageNumber} */
export async function getTicketAttachments(
  client: ApiClient,
  id: TicketId,
  query?: PageQuery,
  signal?: AbortSignal,
): Promise<RecordList> {
  const body = await client.get(
    `tickets/${idSegment(id)}/Attachments/${paging(query)}`,
    signal ? { signal } : {},
  );
  return parseRecordList(body, 'attachments', `the attachments of ticket ${id}`);
}

/** GET /tickets/{id}/Assignments/{pageSize}/{pageNumber} */
export async function getTicketAssignments(
  client: ApiClient,
  id: TicketId,
  query?: PageQuery,
  signal?: AbortSignal,
): Promise<RecordList> {
  const body = await client.get(
    `tickets/${idSegment(id)}/Assignments/${paging(query)}`,
    signal ? { signal } : {},
  );
  return parseRecordList(body, 'assignments', `the assignments of ticket ${id}`);
}

/** POST /tickets/{id}/ChangeStatus with `{StatusName, Note?}` (protocol-notes §5 #16, #21). */
export async function changeTicketStatus(
  client: ApiClient,
  id: TicketId,
  input: ChangeStatusInput,
): Promise<TicketWithNote> {
  const json: Record<string, unknown> = { StatusName: input.statusName };
  if (input.note) json.Note = statusNoteBody(input.note);
  const body = await client.post(`tickets/${idSegment(id)}/ChangeStatus`, { json });
  return parseTicketWithNote(body, `the status change of ticket ${id}`);
}

/** POST /tickets/{id}/Close: the default closed status (protocol-notes §5 #23). The body is optional. */
export async function closeTicket(
  client: ApiClient,
  id: TicketId,
  input: CloseInput = {},
): Promise<TicketWithNote> {
  const json = input.note ? { Note: statusNoteBody(input.note) } : {};
  const body = await client.post(`tickets/${idSegment(id)}/Close`, { json });
  return parseTicketWithNote(body, `closing ticket ${id}`);
}

/** POST /tickets/{id}/Delete (not HTTP DELETE); `{"success": false}` becomes an ApiError. */
export async function deleteTicket(client: ApiClient, id: TicketId): Promise<void> {
  const body = await client.post(`tickets/${idSegment(id)}/Delete`);
  if (!parseSuccess(body, `deleting ticket ${id}`)) {
    throw new ApiError('server', `The server did not delete ticket ${id}.`, { status: 200 });
  }
}

/** GET /tickets/Templates: active ticket templates (no parameters, protocol-notes §5 #17). */
export async function getTicketTemplates(client: ApiClient, signal?: AbortSignal): Promise<FieldMap[]> {
  const body = await client.get('tickets/Templates', signal ? { signal } : {});
  return parseTemplates(body);
}

/** POST /searches (decisions.md: undocumented response; the first array is taken as the records). */
export async function searchTickets(
  client: ApiClient,
  input: SearchInput,
  signal?: AbortSignal,
): Promise<SearchResults> {
  const json: Record<string, unknown> = {
    Term: input.term,
    ModuleId: input.moduleId,
    Mode: 0,
    PageSize: input.pageSize ?? 50,
    PageNumber: input.pageNumber ?? 1,
  };
  if (input.resultFields) json.ResultFields = input.resultFields;
  if (input.maxContentLength !== undefined) json.MaxContentLength = input.maxContentLength;
  const body = await client.post('searches', { json, ...(signal ? { signal } : {}) });
  return parseSearchResults(body);
}

/** GET /module/{moduleSequence}/fields: the module's field catalogue (names only; values are null). */
export async function getModuleFields(
  client: ApiClient,
  moduleId: number,
  signal?: AbortSignal,
): Promise<FieldMap> {
  const body = await client.get(`module/${idSegment(moduleId)}/fields`, signal ? { signal } : {});
  return parseModuleFields(body);
}

/** GET /technicians/logout with the current token. Session.signOut calls this itself, best effort. */
export async function logoutTechnician(client: ApiClient): Promise<void> {
  await client.get('technicians/logout');
}
