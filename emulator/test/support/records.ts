// Readers for the `{ "<seq>": { "DisplayName": "...", "Value": ... } }` records and their envelopes
// (decisions.md "Envelopes"). Tolerant where the shape is a server's choice, strict where a test asks for it.
import { expect } from 'vitest';
import type { Reply } from './client.ts';
import type { Target } from './target.ts';

export type WireValue = string | number | boolean;
export interface WireField {
  DisplayName: string;
  Value: WireValue;
}
export type WireRecord = Record<string, WireField>;

/** Ticket field sequences the tests read (the doc page's ticket table). */
export const T = {
  id: 1,
  lastModified: 2,
  lastUser: 3,
  seqGroup: 4,
  additionalInformation: 7,
  seqRequestor: 8,
  seqAssignedTo: 10,
  seqCategory: 11,
  openDate: 12,
  seqClosedBy: 17,
  closeDate: 18,
  summary: 22,
  assignedToGroup: 34,
  requestorId: 36,
  requestorFirstName: 37,
  requestorLastName: 38,
  closedByTechnician: 48,
  assignedToTechnician: 67,
  assignedToFirstName: 68,
  assignedToLastName: 69,
  category: 72,
  customDate1: 81,
  customText1: 85,
  seqStatus: 95,
  status: 96,
  clockStopTime: 103,
  seqPriority: 106,
  priority: 107,
  customLookUp1: 116,
  requestor: 149,
  assignedToFullName: 157,
  totalTimeSpent: 163,
  categoryFullPath: 164,
  latestNoteDate: 175,
} as const;

/** Note field sequences (the doc page's note table). */
export const N = {
  sequence: 1,
  lastModified: 2,
  lastUser: 3,
  note: 5,
  ticketId: 6,
  date: 7,
  duration: 10,
  systemActivity: 14,
  activityCode: 15,
  noteType: 26,
  private: 27,
} as const;

export const wireDatePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What is wrong with `value` as a record (digit keys, `{DisplayName, Value}` each, nulls left out), or []. */
export function recordProblems(value: unknown): string[] {
  if (!isObject(value)) return [`expected a record object, got ${JSON.stringify(value)?.slice(0, 200)}`];
  const problems: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (!/^\d+$/.test(key)) problems.push(`key '${key}' is not a field sequence number`);
    if (!isObject(field)) {
      problems.push(`field ${key} is not an object`);
      continue;
    }
    if (typeof field.DisplayName !== 'string') problems.push(`field ${key} has no DisplayName`);
    if (field.Value === null || field.Value === undefined)
      problems.push(`field ${key} is null (null fields are left out)`);
    else if (!['string', 'number', 'boolean'].includes(typeof field.Value))
      problems.push(`field ${key} has a ${typeof field.Value} Value`);
  }
  return problems;
}

/**
 * Asserts that `value` is a well-formed record and returns it. Checks in plain code and asserts once: a list of
 * forty notes would otherwise cost thousands of `expect` calls.
 */
export function expectRecord(value: unknown): WireRecord {
  const problems = recordProblems(value);
  if (problems.length > 0) expect(problems, JSON.stringify(value)?.slice(0, 300)).toEqual([]);
  return value as WireRecord;
}

export function value(record: WireRecord, seq: number): WireValue | undefined {
  return record[String(seq)]?.Value;
}

export function stringValue(record: WireRecord, seq: number): string | undefined {
  const v = value(record, seq);
  return typeof v === 'string' ? v : undefined;
}

export function numberValue(record: WireRecord, seq: number): number | undefined {
  const v = value(record, seq);
  return typeof v === 'number' ? v : undefined;
}

export function dateValue(record: WireRecord, seq: number): number | undefined {
  const v = stringValue(record, seq);
  return v === undefined ? undefined : Date.parse(v);
}

export function displayName(record: WireRecord, seq: number): string | undefined {
  return record[String(seq)]?.DisplayName;
}

function bodyOf(reply: Reply): Record<string, unknown> {
  expect(
    isObject(reply.json),
    `expected a JSON object body, got ${reply.status} ${reply.text.slice(0, 300)}`,
  ).toBe(true);
  expect(reply.headers.get('content-type') ?? '', 'a JSON body says so in Content-Type').toMatch(
    /^application\/json\b/i,
  );
  return reply.json as Record<string, unknown>;
}

/** Expects a 200 and returns the body; fails with the status and body text otherwise. */
export function ok(reply: Reply): Record<string, unknown> {
  expect(reply.status, `expected 200, got ${reply.status}: ${reply.text.slice(0, 300)}`).toBe(200);
  return bodyOf(reply);
}

/** The ticket of a GET/POST ticket, create, AddNote, ChangeStatus or Close reply (`Ticket`, or `Tickets`). */
export function ticketOf(reply: Reply): WireRecord {
  const body = ok(reply);
  return expectRecord(body.Ticket ?? body.Tickets);
}

/** The note of an AddNote, ChangeStatus or Close reply (`Note` or `TicketNote`). */
export function noteOf(reply: Reply): WireRecord {
  const body = ok(reply);
  return expectRecord(body.Note ?? body.TicketNote);
}

export type TicketCall = 'ticket' | 'note-write' | 'close';

/**
 * Asserts the envelope keys of a reply for `target.shape` (decisions.md "Envelopes"): exact on the emulator,
 * either documented variant on a real server.
 */
export function expectEnvelope(target: Target, call: TicketCall, reply: Reply): void {
  const keys = Object.keys(bodyOf(reply)).sort();
  const observed = { ticket: ['Ticket'], 'note-write': ['Note', 'Ticket'], close: ['Note', 'Ticket'] }[call];
  const doc = { ticket: ['Tickets'], 'note-write': ['Ticket', 'TicketNote'], close: ['Note', 'Ticket'] }[
    call
  ];
  if (target.shape === 'observed') expect(keys).toEqual(observed);
  else if (target.shape === 'doc') expect(keys).toEqual(doc);
  else expect([observed, doc]).toContainEqual(keys);
}

export interface ListReply {
  count: number;
  items: WireRecord[];
}

/** A paged list reply `{ "Count": n, "<key>": [...] }`. */
export function listOf(reply: Reply, key: 'TicketNotes' | 'TicketAttachments' | 'Assignments'): ListReply {
  const body = ok(reply);
  expect(typeof body.Count, `Count in ${reply.text.slice(0, 200)}`).toBe('number');
  expect(Array.isArray(body[key]), `${key} array in ${reply.text.slice(0, 200)}`).toBe(true);
  return { count: body.Count as number, items: (body[key] as unknown[]).map(expectRecord) };
}

/** The message of an error body, from the first of the keys decisions.md lists. */
export function messageOf(reply: Reply): string {
  const body = reply.json;
  if (isObject(body)) {
    for (const key of ['Message', 'ExceptionMessage', 'error_description', 'error', 'message']) {
      const candidate = body[key];
      if (typeof candidate === 'string' && candidate.trim() !== '') return candidate;
    }
  }
  return '';
}

/** Expects `status` and a Web API style `{ "Message": "..." }` body; returns the message. */
export function expectError(reply: Reply, status: number, messagePattern?: RegExp): string {
  expect(reply.status, `expected ${status}, got ${reply.status}: ${reply.text.slice(0, 300)}`).toBe(status);
  const body = reply.json;
  expect(isObject(body), `error body is a JSON object: ${reply.text.slice(0, 300)}`).toBe(true);
  expect(reply.headers.get('content-type') ?? '', 'an error body says it is JSON').toMatch(
    /^application\/json\b/i,
  );
  const message = (body as Record<string, unknown>).Message;
  expect(typeof message, `error body has a Message: ${reply.text.slice(0, 300)}`).toBe('string');
  expect((message as string).trim()).not.toBe('');
  if (messagePattern) expect(message).toMatch(messagePattern);
  return message as string;
}
