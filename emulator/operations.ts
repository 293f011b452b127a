// What the real server does on each write, not just the shapes (issue 2): every request is validated completely
// before anything is written, and every write is one transaction, so a refused request leaves the store as it was.
import type { FieldDef, Permission } from './catalog.ts';
import { ticketFieldByName, ticketFieldBySeq } from './catalog.ts';
import { isPlainObject, keyOrder } from './json.ts';
import {
  put,
  setCategory,
  setClosedBy,
  setDepartment,
  setGroup,
  setLocation,
  setOpenedBy,
  setPriority,
  setRequestor,
  setSla,
  setStatusFields,
  setTechnician,
} from './linked.ts';
import type { Group, Status, Technician, Values, WireValue } from './model.ts';
import { fullName } from './model.ts';
import type { Store } from './store.ts';
import { formatMicros, parseWireDate } from './time.ts';

export class HttpError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
  }
}

export const badRequest = (message: string): HttpError => new HttpError(400, message);

export interface Actor {
  readonly tech: Technician;
  readonly group: Group;
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actor.tech.permissions.includes(permission)) {
    throw new HttpError(403, `You do not have the ${permission} permission.`);
  }
}

export function notFound(id: number): HttpError {
  return new HttpError(404, `Ticket ${id} was not found.`);
}

/** A ticket the actor may see; data segregation answers like "not found" (decisions.md, Errors). */
export function visibleTicket(store: Store, actor: Actor, id: number): { groupSeq: number; values: Values } {
  const row = store.getTicket(id);
  if (!row || !store.vocab.canSee(actor.tech, actor.group.seq, row.groupSeq)) throw notFound(id);
  return row;
}

// ---- value coercion ----------------------------------------------------------------------------------------------

function describe(raw: unknown): string {
  if (typeof raw === 'string') return `'${raw.length > 80 ? `${raw.slice(0, 80)}...` : raw}'`;
  if (typeof raw === 'object') return Array.isArray(raw) ? 'an array' : 'an object';
  return String(raw);
}

function invalid(field: FieldDef, raw: unknown): HttpError {
  return badRequest(`The value ${describe(raw)} is not valid for the field '${field.displayName}'.`);
}

const INT32_MAX = 2_147_483_647;

function toInt(field: FieldDef, raw: unknown): number {
  // Json.NET turns "42" into 42 for an int property; so does the emulator.
  const n =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || Math.abs(n) > INT32_MAX) throw invalid(field, raw);
  return n;
}

function coerce(field: FieldDef, raw: unknown): WireValue {
  switch (field.type) {
    case 'int':
      return toInt(field, raw);
    case 'decimal': {
      const n =
        typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(n) || Math.abs(n) > 1e15) throw invalid(field, raw);
      return n;
    }
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'string' && /^(true|false)$/i.test(raw.trim()))
        return raw.trim().toLowerCase() === 'true';
      throw invalid(field, raw);
    case 'date': {
      const micros = typeof raw === 'string' ? parseWireDate(raw) : null;
      // SQL Server's datetime range: 1753-01-01 to 9999-12-31.
      if (micros === null || micros < -6_847_804_800_000_000 || micros > 253_402_300_799_000_000)
        throw invalid(field, raw);
      return formatMicros(micros);
    }
    case 'text':
      if (typeof raw === 'string') return raw;
      if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
      throw invalid(field, raw);
  }
}

function textOf(field: FieldDef, raw: unknown): string {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number') return String(raw);
  throw invalid(field, raw);
}

function unknownValue(field: FieldDef, raw: unknown): HttpError {
  return badRequest(`The ${field.displayName} ${describe(raw)} was not found.`);
}

/**
 * A display field and its Seq_ twin name one linked record (protocol-notes §5 #15): an empty value clears the
 * link, an unknown one is a 400 naming it, a known one fills the linked fields.
 */
function resolveLink<T, D>(
  draft: D,
  field: FieldDef,
  raw: unknown,
  clear: boolean,
  set: (draft: D, value: T | null) => void,
  find: () => T | undefined,
): void {
  if (clear) {
    set(draft, null);
    return;
  }
  const found = find();
  if (!found) throw unknownValue(field, raw);
  set(draft, found);
}

// ---- Properties --------------------------------------------------------------------------------------------------

/** The field a Properties key names: its current display name (any case, trimmed) or its sequence id. */
export function fieldForKey(key: string): FieldDef {
  const trimmed = key.trim();
  const field = /^\d+$/.test(trimmed)
    ? ticketFieldBySeq.get(Number(trimmed))
    : ticketFieldByName.get(trimmed.toLowerCase());
  if (!field) throw badRequest(`The field '${key}' does not exist on tickets.`);
  if (!field.editable) throw badRequest(`The field '${field.displayName}' cannot be changed.`);
  return field;
}

interface Applied {
  status: Status | null;
}

function isNullish(raw: unknown): boolean {
  return raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * Applies Properties to `draft` in the order the body wrote them, resolving linked fields as it goes, so that the
 * last key aimed at a foreign key wins (protocol-notes §5 #15). Throws before the caller writes anything.
 */
export function applyProperties(store: Store, draft: Values, properties: Record<string, unknown>): Applied {
  const v = store.vocab;
  let status: Status | null = null;
  for (const key of keyOrder(properties)) {
    const raw = properties[key];
    const field = fieldForKey(key);
    const seq = field.seq;
    const clear = isNullish(raw);
    switch (seq) {
      case 4:
      case 34: {
        if (clear) throw badRequest(`The field '${field.displayName}' cannot be empty.`);
        const group =
          seq === 4
            ? v.groupBySeq.get(toInt(field, raw))
            : v.groupByName.get(textOf(field, raw).toLowerCase());
        if (!group) throw unknownValue(field, raw);
        setGroup(draft, group);
        break;
      }
      case 8:
      case 36:
      case 149: {
        if (clear) {
          setRequestor(draft, null, null, null);
          break;
        }
        const r =
          seq === 8
            ? v.requestorBySeq.get(toInt(field, raw))
            : seq === 36
              ? v.requestorById.get(textOf(field, raw).toLowerCase())
              : v.requestorByFullName.get(textOf(field, raw).toLowerCase());
        if (!r) throw unknownValue(field, raw);
        setRequestor(
          draft,
          r,
          v.locationBySeq.get(r.locationSeq) ?? null,
          v.departmentBySeq.get(r.departmentSeq) ?? null,
        );
        break;
      }
      case 10:
      case 67:
      case 157: {
        if (clear) {
          setTechnician(draft, null);
          break;
        }
        const t =
          seq === 10
            ? v.techBySeq.get(toInt(field, raw))
            : seq === 67
              ? (v.techByLogin.get(textOf(field, raw).toLowerCase()) ??
                v.techByFullName.get(textOf(field, raw).toLowerCase()))
              : v.techByFullName.get(textOf(field, raw).toLowerCase());
        if (!t) throw unknownValue(field, raw);
        setTechnician(draft, t);
        break;
      }
      case 11:
      case 72:
        resolveLink(draft, field, raw, clear, setCategory, () =>
          seq === 11
            ? v.categoryBySeq.get(toInt(field, raw))
            : (v.categoryByPath.get(textOf(field, raw).toLowerCase()) ??
              v.categoryByName.get(textOf(field, raw).toLowerCase())),
        );
        break;
      case 14:
      case 49:
        resolveLink(draft, field, raw, clear, setLocation, () =>
          seq === 14
            ? v.locationBySeq.get(toInt(field, raw))
            : v.locationByName.get(textOf(field, raw).toLowerCase()),
        );
        break;
      case 15:
      case 65:
        resolveLink(draft, field, raw, clear, setDepartment, () =>
          seq === 15
            ? v.departmentBySeq.get(toInt(field, raw))
            : v.departmentByName.get(textOf(field, raw).toLowerCase()),
        );
        break;
      case 75:
      case 91:
        resolveLink(draft, field, raw, clear, setSla, () =>
          seq === 75 ? v.slaBySeq.get(toInt(field, raw)) : v.slaByName.get(textOf(field, raw).toLowerCase()),
        );
        break;
      case 95:
      case 96: {
        if (clear) throw badRequest(`The field '${field.displayName}' cannot be empty.`);
        const s =
          seq === 95
            ? v.statusBySeq.get(toInt(field, raw))
            : v.statusByName.get(textOf(field, raw).toLowerCase());
        if (!s) throw badRequest(`The status ${describe(raw)} was not found.`);
        setStatusFields(draft, s);
        status = s;
        break;
      }
      case 106:
      case 107: {
        if (clear) {
          setPriority(draft, null);
          break;
        }
        const p =
          seq === 106
            ? v.priorityBySeq.get(toInt(field, raw))
            : v.priorityByName.get(textOf(field, raw).toLowerCase());
        if (!p) throw unknownValue(field, raw);
        setPriority(draft, p);
        break;
      }
      default:
        put(draft, seq, raw === null ? null : coerce(field, raw));
    }
  }
  return { status };
}

// ---- notes -------------------------------------------------------------------------------------------------------

export interface NoteRequest {
  readonly text: string;
  readonly noteTypeName: string;
  readonly activityName: string;
  readonly durationSeconds: number;
  readonly isPrivate: boolean;
}

/** "hh:mm:ss" (doc page) or "h:mm" (a 2021 client) -> seconds (protocol-notes §5 #20). */
export function parseDuration(raw: unknown): number {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return 0;
  const match = typeof raw === 'string' ? /^\s*(\d{1,5}):([0-5]?\d)(?::([0-5]?\d))?\s*$/.exec(raw) : null;
  if (!match) throw badRequest(`The Duration ${describe(raw)} is not valid; use hh:mm:ss.`);
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0);
}

function parsePrivate(raw: unknown): boolean {
  // Private arrives as a JSON bool or as the strings "True"/"False" (protocol-notes §2.3, the 2019 C# client).
  if (raw === null || raw === undefined) return false;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'string' && /^(true|false)$/i.test(raw.trim()))
    return raw.trim().toLowerCase() === 'true';
  throw badRequest(`The value ${describe(raw)} is not valid for Private; use true or false.`);
}

function stringProp(obj: Record<string, unknown>, name: string): string | null {
  const raw = obj[name];
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') throw badRequest(`${name} must be a string.`);
  return raw;
}

/**
 * Validates a note body. `requireText`: AddNote needs a Note; ChangeStatus and Close notes may leave it out.
 * Note Type and Activity Code are required whenever a note is given (protocol-notes §5 #21).
 */
export function readNote(
  store: Store,
  raw: unknown,
  options: { requireText: boolean; allowDuration: boolean },
): NoteRequest {
  if (!isPlainObject(raw)) throw badRequest('The note must be a JSON object.');
  const text = stringProp(raw, 'Note');
  if (options.requireText && (text === null || text.trim() === '')) throw badRequest('Note is required.');
  const noteTypeName = stringProp(raw, 'Note Type');
  if (noteTypeName === null || noteTypeName.trim() === '') throw badRequest('Note Type is required.');
  const activityName = stringProp(raw, 'Activity Code');
  if (activityName === null || activityName.trim() === '') throw badRequest('Activity Code is required.');
  const noteType = store.vocab.noteTypeByName.get(noteTypeName.trim().toLowerCase());
  if (!noteType || noteType.system) throw badRequest(`The Note Type '${noteTypeName}' was not found.`);
  const activity = store.vocab.activityByName.get(activityName.trim().toLowerCase());
  if (!activity) throw badRequest(`The Activity Code '${activityName}' was not found.`);
  if (!activity.forTickets)
    throw badRequest(`The Activity Code '${activityName}' is not available for tickets.`);
  return {
    text: text ?? '',
    noteTypeName: noteType.name,
    activityName: activity.name,
    // ChangeStatus and Close note DTOs have no Duration: Json.NET ignores it there (protocol-notes §5 #22).
    durationSeconds: options.allowDuration ? parseDuration(raw.Duration) : 0,
    isPrivate: parsePrivate(raw.Private),
  };
}

interface NoteWrite {
  readonly text: string;
  readonly noteTypeName: string;
  readonly activityName?: string;
  readonly durationSeconds?: number;
  readonly isPrivate?: boolean;
  readonly systemActivity?: string;
}

/** Writes a note and folds it into the ticket's Total Time Spent (163) and Latest Note Date (175). */
function writeNote(
  store: Store,
  actor: Actor,
  ticketId: number,
  ticket: Values,
  at: string,
  note: NoteWrite,
): Values {
  const id = store.nextId('nextNoteId');
  const values: Values = {};
  const activity = note.activityName
    ? store.vocab.activityByName.get(note.activityName.toLowerCase())
    : undefined;
  const duration = note.durationSeconds ?? 0;
  put(values, 1, id);
  put(values, 2, at);
  put(values, 3, actor.tech.login);
  put(values, 4, typeof ticket[4] === 'number' ? ticket[4] : actor.group.seq);
  put(values, 5, note.text);
  put(values, 6, ticketId);
  put(values, 7, at);
  put(values, 8, actor.tech.seq);
  put(values, 10, duration);
  put(values, 11, activity?.seq);
  put(values, 13, true);
  put(values, 14, note.systemActivity);
  put(values, 15, activity?.name);
  put(values, 16, fullName(actor.tech));
  put(values, 17, false);
  put(values, 26, note.noteTypeName);
  put(values, 27, note.isPrivate ?? false);
  put(values, 30, activity?.description);
  put(values, 31, duration > 0);
  store.putNote(id, ticketId, note.systemActivity !== undefined, values);
  const spent = typeof ticket[163] === 'number' ? ticket[163] : 0;
  put(ticket, 163, spent + duration);
  put(ticket, 175, at);
  return values;
}

function systemNote(
  store: Store,
  actor: Actor,
  id: number,
  ticket: Values,
  at: string,
  activity: string,
  text: string,
): Values {
  return writeNote(store, actor, id, ticket, at, {
    text,
    noteTypeName: store.vocab.systemNoteType.name,
    systemActivity: activity,
  });
}

// ---- status ------------------------------------------------------------------------------------------------------

/**
 * Fills what a status change implies: close date and closer for closed-type statuses (cleared on reopening),
 * Clock Stop Time for stop-the-clock ones (and due dates pushed out by the stopped time on leaving).
 */
function statusSideEffects(
  actor: Actor,
  ticket: Values,
  from: Status | undefined,
  to: Status,
  nowMicros: number,
): void {
  const at = formatMicros(nowMicros);
  if (to.type === 'closed') {
    if (from?.type !== 'closed') setClosedBy(ticket, actor.tech, actor.group, at);
  } else if (from?.type === 'closed') {
    setClosedBy(ticket, null, null, null);
  }
  if (to.type === 'stop-the-clock') {
    if (from?.type !== 'stop-the-clock') put(ticket, 103, at);
  } else if (typeof ticket[103] === 'string') {
    const stopped = parseWireDate(ticket[103]);
    if (stopped !== null && to.type !== 'closed') {
      const paused = Math.max(0, nowMicros - stopped);
      for (const seq of [100, 111]) {
        const due = typeof ticket[seq] === 'string' ? parseWireDate(ticket[seq]) : null;
        if (due !== null) put(ticket, seq, formatMicros(due + paused));
      }
    }
    put(ticket, 103, null);
  }
}

function currentStatus(store: Store, ticket: Values): Status | undefined {
  return typeof ticket[95] === 'number' ? store.vocab.statusBySeq.get(ticket[95]) : undefined;
}

function requireCloseIfClosing(actor: Actor, from: Status | undefined, to: Status): void {
  if (to.type === 'closed' && from?.type !== 'closed') requirePermission(actor, 'Close Tickets');
}

// ---- operations --------------------------------------------------------------------------------------------------

export interface TicketResult {
  readonly id: number;
  readonly values: Values;
}

export interface TicketAndNote extends TicketResult {
  readonly note: Values;
}

function stamp(ticket: Values, actor: Actor, at: string): void {
  put(ticket, 2, at);
  put(ticket, 3, actor.tech.login);
}

function describeValue(value: WireValue | undefined): string {
  if (value === undefined) return '(empty)';
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 60)}...` : text;
}

function changeSummary(before: Values, after: Values, touched: readonly FieldDef[]): string {
  const lines: string[] = [];
  const seen = new Set<number>();
  for (const field of touched) {
    if (seen.has(field.seq) || field.seq === 95 || field.seq === 96) continue;
    seen.add(field.seq);
    const a = before[field.seq];
    const b = after[field.seq];
    if (a === b) continue;
    lines.push(`${field.displayName} changed from ${describeValue(a)} to ${describeValue(b)}.`);
  }
  return lines.join('\r\n');
}

function readProperties(body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) throw badRequest('The request body must be a JSON object.');
  const props = body.Properties;
  if (props === undefined || props === null) {
    throw badRequest('Properties is required.');
  }
  if (!isPlainObject(props)) throw badRequest('Properties must be a JSON object.');
  return props;
}

/** POST /tickets/{id}: Properties, plus a note in OptionalParams.Note (2021, protocol-notes §2.3). */
export function updateTicket(store: Store, actor: Actor, id: number, body: unknown): TicketResult {
  requirePermission(actor, 'Edit Ticket');
  const props = readProperties(body);
  const optional = isPlainObject(body) ? body.OptionalParams : undefined;
  const noteRaw = isPlainObject(optional) ? optional.Note : undefined;
  const row = visibleTicket(store, actor, id);
  const before = row.values;
  const draft: Values = { ...before };
  const { status } = applyProperties(store, draft, props);
  const from = currentStatus(store, before);
  if (status) requireCloseIfClosing(actor, from, status);
  let note: NoteRequest | null = null;
  if (noteRaw !== undefined && noteRaw !== null) {
    requirePermission(actor, 'Create Ticket Notes');
    note = readNote(store, noteRaw, { requireText: true, allowDuration: true });
  }
  const touched = keyOrder(props).map(fieldForKey);
  return store.transaction(() => {
    const now = store.clock.now();
    const at = formatMicros(now);
    const summary = changeSummary(before, draft, touched);
    if (summary !== '') systemNote(store, actor, id, draft, at, 'Ticket Modified', summary);
    if (status && status.seq !== from?.seq) {
      statusSideEffects(actor, draft, from, status, now);
      systemNote(
        store,
        actor,
        id,
        draft,
        at,
        'Status Changed',
        `Status changed from ${from?.name ?? '(none)'} to ${status.name}.`,
      );
    }
    if (note) writeNote(store, actor, id, draft, at, { ...note, activityName: note.activityName });
    stamp(draft, actor, at);
    store.putTicket(id, Number(draft[4] ?? row.groupSeq), draft);
    return { id, values: draft };
  });
}

/** POST /tickets. The new ticket opens in the default open status in the technician's signed-in group. */
export function createTicket(store: Store, actor: Actor, body: unknown): TicketResult {
  requirePermission(actor, 'Create Ticket');
  const props = readProperties(body);
  const v = store.vocab;
  const draft: Values = {};
  setGroup(draft, actor.group);
  setStatusFields(draft, v.defaultOpenStatus);
  setPriority(draft, v.priorityByName.get('3 - medium') ?? null);
  setSla(draft, v.slaBySeq.get(1) ?? null);
  put(draft, 20, 1);
  put(draft, 102, false);
  put(draft, 109, false);
  const { status } = applyProperties(store, draft, props);
  if (status) requireCloseIfClosing(actor, undefined, status);
  return store.transaction(() => {
    const id = store.nextId('nextTicketId');
    const now = store.clock.now();
    const at = formatMicros(now);
    put(draft, 1, id);
    put(draft, 12, at);
    setOpenedBy(draft, actor.tech, actor.group);
    const priority = typeof draft[106] === 'number' ? v.priorityBySeq.get(draft[106]) : undefined;
    if (priority) {
      const hour = 3_600_000_000;
      if (draft[110] === undefined) put(draft, 110, formatMicros(now + priority.responseHours * hour));
      if (draft[111] === undefined) put(draft, 111, formatMicros(now + priority.fixHours * hour));
      if (draft[100] === undefined) put(draft, 100, formatMicros(now + priority.fixHours * hour));
    }
    const finalStatus = currentStatus(store, draft) ?? v.defaultOpenStatus;
    if (finalStatus.seq !== v.defaultOpenStatus.seq)
      statusSideEffects(actor, draft, v.defaultOpenStatus, finalStatus, now);
    put(draft, 163, 0);
    systemNote(store, actor, id, draft, at, 'Ticket Created', `Ticket created by ${fullName(actor.tech)}.`);
    stamp(draft, actor, at);
    store.putTicket(id, Number(draft[4]), draft);
    return { id, values: draft };
  });
}

/** POST /tickets/{id}/AddNote. */
export function addNote(store: Store, actor: Actor, id: number, body: unknown): TicketAndNote {
  requirePermission(actor, 'Create Ticket Notes');
  if (body === undefined || body === null) throw badRequest('The note is required.');
  const note = readNote(store, body, { requireText: true, allowDuration: true });
  const row = visibleTicket(store, actor, id);
  const draft: Values = { ...row.values };
  return store.transaction(() => {
    const at = formatMicros(store.clock.now());
    const written = writeNote(store, actor, id, draft, at, note);
    stamp(draft, actor, at);
    store.putTicket(id, row.groupSeq, draft);
    return { id, values: draft, note: written };
  });
}

function readStatusNote(store: Store, actor: Actor, raw: unknown): NoteRequest | null {
  if (raw === undefined || raw === null) return null;
  requirePermission(actor, 'Create Ticket Notes');
  return readNote(store, raw, { requireText: false, allowDuration: false });
}

/** POST /tickets/{id}/ChangeStatus. */
export function changeStatus(store: Store, actor: Actor, id: number, body: unknown): TicketAndNote {
  requirePermission(actor, 'Edit Ticket');
  if (!isPlainObject(body)) throw badRequest('The request body must be a JSON object with StatusName.');
  const name = body.StatusName;
  if (name === undefined || name === null || (typeof name === 'string' && name.trim() === '')) {
    throw badRequest('StatusName is required.');
  }
  if (typeof name !== 'string') throw badRequest('StatusName must be a string.');
  const status = store.vocab.statusByName.get(name.trim().toLowerCase());
  if (!status) throw badRequest(`The status '${name}' was not found.`);
  const row = visibleTicket(store, actor, id);
  const from = currentStatus(store, row.values);
  requireCloseIfClosing(actor, from, status);
  const note = readStatusNote(store, actor, body.Note);
  const draft: Values = { ...row.values };
  return store.transaction(() => {
    const now = store.clock.now();
    const at = formatMicros(now);
    setStatusFields(draft, status);
    statusSideEffects(actor, draft, from, status, now);
    const sys = systemNote(
      store,
      actor,
      id,
      draft,
      at,
      'Status Changed',
      `Status changed from ${from?.name ?? '(none)'} to ${status.name}.`,
    );
    const written = note ? writeNote(store, actor, id, draft, at, note) : sys;
    stamp(draft, actor, at);
    store.putTicket(id, row.groupSeq, draft);
    return { id, values: draft, note: written };
  });
}

/** POST /tickets/{id}/Close: the default closed status (protocol-notes §5 #23); the body is optional. */
export function closeTicket(store: Store, actor: Actor, id: number, body: unknown): TicketAndNote {
  requirePermission(actor, 'Edit Ticket');
  requirePermission(actor, 'Close Tickets');
  if (body !== undefined && body !== null && !isPlainObject(body))
    throw badRequest('The request body must be a JSON object.');
  const row = visibleTicket(store, actor, id);
  const note = readStatusNote(store, actor, isPlainObject(body) ? body.Note : undefined);
  const status = store.vocab.defaultClosedStatus;
  const from = currentStatus(store, row.values);
  const draft: Values = { ...row.values };
  return store.transaction(() => {
    const now = store.clock.now();
    const at = formatMicros(now);
    setStatusFields(draft, status);
    statusSideEffects(actor, draft, from, status, now);
    if (from?.type === 'closed') setClosedBy(draft, actor.tech, actor.group, at);
    const sys = systemNote(
      store,
      actor,
      id,
      draft,
      at,
      'Ticket Closed',
      `Ticket closed with status ${status.name}.`,
    );
    const written = note ? writeNote(store, actor, id, draft, at, note) : sys;
    stamp(draft, actor, at);
    store.putTicket(id, row.groupSeq, draft);
    return { id, values: draft, note: written };
  });
}

/** POST /tickets/{id}/Delete. */
export function deleteTicket(store: Store, actor: Actor, id: number): void {
  requirePermission(actor, 'Delete Ticket');
  visibleTicket(store, actor, id);
  store.transaction(() => store.deleteTicket(id));
}
