import { MutationObserver, type QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { failureOf, isApiError, type Failure } from '../../api/api-error.ts';
import type { ApiClient } from '../../api/client.ts';
import { fieldNumber, fieldText, fieldValue, type FieldMap } from '../../api/field-map.ts';
import { ticketKeys } from '../../api/queries.ts';
import { addNote, getTicketNotes, type AddNoteInput, type RecordList } from '../../api/tickets-api.ts';
import { parseWireDate } from '../../fields/codecs.ts';
import { NoteSeq } from '../../fields/note-fields.ts';
import { readDraft, removeDraft, writeDraft } from '../../ui/drafts.ts';

// Notes on their way to the server (issue 4, Add note). A note shows in the timeline the moment it is sent,
// marked "Sending…"; on success it becomes the server's note; on failure it stays, with its text and `Retry`.
//
// AddNote is not idempotent (architecture.md, Server state): when the answer is lost (a dropped connection, a
// timeout, a 5xx or an unreadable body) the server may have written the note. Before offering to send again,
// the app re-reads the ticket's notes and looks for it: same text, note type, activity code and technician,
// dated after the send started and not among the notes known before. Found = sent; no note is ever doubled.
//
// Pending notes are kept in localStorage (beside the drafts, ui/drafts.ts) so a failed note survives a reload;
// a note that was still sending when the page went is treated as "may have been written" and checked first.

export type PendingNoteState = 'sending' | 'checking' | 'failed';

export interface PendingNote {
  localId: string;
  ticketId: number;
  input: AddNoteInput;
  /** When the last attempt started (ms since the epoch). */
  startedAt: number;
  state: PendingNoteState;
  /** Why the last attempt failed. */
  error: Failure | null;
  /** The last attempt's answer was lost: the server may have the note, so look before sending again. */
  maybeWritten: boolean;
  /** Ids of the ticket's notes known when the note was first sent: none of them can be this note. */
  knownIds: number[];
}

export interface NoteSender {
  queryClient: QueryClient;
  client: ApiClient;
  ticketId: number;
  /** Storage key of this ticket's pending notes (ui/drafts.ts draftKey, form 'pending-notes'); null = memory only. */
  scope: string | null;
  /** Who sends: the note on the server names them (seq 3 Last User = login, seq 16 = full name). */
  technician: { login: string; name: string };
  /** A 403: the route disables Add note for the session. */
  onForbidden?: (message: string) => void;
}

/** How far the server's clock may be behind the browser's when matching a note by date. */
export const CLOCK_SKEW_MS = 5 * 60_000;

const MEMORY_SCOPE = 'memory';
const stores = new Map<string, readonly PendingNote[]>();
const listeners = new Set<() => void>();
const EMPTY: readonly PendingNote[] = Object.freeze([]);
let counter = 0;

function scopeOf(scope: string | null): string {
  return scope ?? MEMORY_SCOPE;
}

function load(scope: string | null): readonly PendingNote[] {
  const key = scopeOf(scope);
  const cached = stores.get(key);
  if (cached) return cached;
  const stored = scope === null ? undefined : readDraft<PendingNote[]>(scope);
  // A note that was sending or being checked when the page went may have reached the server.
  const restored = Array.isArray(stored?.value)
    ? stored.value.map((note) =>
        note.state === 'failed'
          ? note
          : {
              ...note,
              state: 'failed' as const,
              maybeWritten: true,
              error: { kind: 'network' as const, message: 'The page closed while this note was being sent.' },
            },
      )
    : EMPTY;
  stores.set(key, restored);
  return restored;
}

function save(scope: string | null, notes: readonly PendingNote[]): void {
  stores.set(scopeOf(scope), notes);
  if (scope !== null) {
    if (notes.length === 0) removeDraft(scope);
    else writeDraft(scope, notes);
  }
  for (const listener of [...listeners]) listener();
}

function update(scope: string | null, localId: string, patch: Partial<PendingNote>): PendingNote | null {
  let updated: PendingNote | null = null;
  const next = load(scope).map((note) => {
    if (note.localId !== localId) return note;
    updated = { ...note, ...patch };
    return updated;
  });
  save(scope, next);
  return updated;
}

export function pendingNotesOf(scope: string | null): readonly PendingNote[] {
  return load(scope);
}

/** Forgets a pending note (the technician discarded it, or it is on the server now). */
export function discardPendingNote(scope: string | null, localId: string): void {
  save(
    scope,
    load(scope).filter((note) => note.localId !== localId),
  );
}

/** For tests: forget every pending note kept in memory. */
export function resetPendingNotes(): void {
  stores.clear();
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The ticket's pending notes (oldest first), re-rendering on every change. */
export function usePendingNotes(scope: string | null): readonly PendingNote[] {
  return useSyncExternalStore(
    subscribe,
    () => load(scope),
    () => EMPTY,
  );
}

/** Whether a failure may hide a note the server wrote: no answer, or an answer that says nothing reliable. */
export function answerWasLost(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.kind === 'network' || error.kind === 'server' || error.kind === 'malformed';
}

function sameText(a: string, b: string): boolean {
  const normal = (text: string) => text.replace(/\r\n?/g, '\n').trim();
  return normal(a) === normal(b);
}

function sameWord(a: string | null, b: string): boolean {
  return a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Whether a note record on the server is this pending note (see the comment at the top). */
export function isSameNote(
  record: FieldMap,
  note: Pick<PendingNote, 'input' | 'startedAt' | 'knownIds'>,
  technician: { login: string; name: string },
): boolean {
  const id = fieldNumber(record, NoteSeq.sequence);
  if (id !== null && note.knownIds.includes(id)) return false;
  if (!sameText(fieldText(record, NoteSeq.note) ?? '', note.input.note)) return false;
  if (!sameWord(fieldText(record, NoteSeq.noteType), note.input.noteType)) return false;
  if (!sameWord(fieldText(record, NoteSeq.activityCode), note.input.activityCode)) return false;
  const byLogin = sameWord(fieldText(record, NoteSeq.lastUser), technician.login);
  const byName = sameWord(fieldText(record, NoteSeq.technicianName), technician.name);
  if (!byLogin && !byName) return false;
  const date = parseWireDate(fieldValue(record, NoteSeq.date));
  return date === null || date.getTime() >= note.startedAt - CLOCK_SKEW_MS;
}

function knownNoteIds(queryClient: QueryClient, ticketId: number): number[] {
  const ids = new Set<number>();
  for (const [, data] of queryClient.getQueriesData<RecordList>({
    queryKey: ticketKeys.allNotes(ticketId),
  })) {
    for (const record of data?.records ?? []) {
      const id = fieldNumber(record, NoteSeq.sequence);
      if (id !== null) ids.add(id);
    }
  }
  return [...ids];
}

/** Puts a note the server has into every cached notes list of the ticket (not twice), newest first. */
function putNoteInLists(queryClient: QueryClient, ticketId: number, note: FieldMap): void {
  const id = fieldNumber(note, NoteSeq.sequence);
  queryClient.setQueriesData<RecordList>({ queryKey: ticketKeys.allNotes(ticketId) }, (old) => {
    if (!old) return old;
    if (id !== null && old.records.some((record) => fieldNumber(record, NoteSeq.sequence) === id)) return old;
    return { count: old.count + 1, records: [note, ...old.records] };
  });
}

async function findOnServer(sender: NoteSender, note: PendingNote): Promise<FieldMap | null> {
  const list = await getTicketNotes(sender.client, sender.ticketId, {
    systemNotes: false,
    // The whole text, so a long note is compared in full (protocol-notes §5 #27: -1 = all).
    maxContentLength: -1,
    pageSize: 0,
    pageNumber: 0,
  });
  return list.records.find((record) => isSameNote(record, note, sender.technician)) ?? null;
}

async function attempt(sender: NoteSender, note: PendingNote): Promise<void> {
  const { queryClient, ticketId, scope } = sender;
  const startedAt = Date.now();
  update(scope, note.localId, { state: 'sending', error: null, startedAt });
  // Through the MutationCache, so the invalidation policy (app/query-client.ts) and the index feed see it.
  const observer = new MutationObserver(queryClient, {
    mutationFn: async (input: AddNoteInput) => {
      const result = await addNote(sender.client, ticketId, input);
      // The answer has the ticket and the note: both show at once, before the invalidation re-reads the notes
      // (the server may have written system notes too).
      queryClient.setQueryData(ticketKeys.detail(ticketId), result.ticket);
      if (result.note) putNoteInLists(queryClient, ticketId, result.note);
      discardPendingNote(scope, note.localId);
      return result;
    },
    meta: { invalidates: [ticketKeys.allNotes(ticketId)] },
  });
  try {
    await observer.mutate(note.input);
  } catch (error) {
    if (answerWasLost(error)) {
      update(scope, note.localId, { maybeWritten: true });
      await check(sender, { ...note, startedAt, maybeWritten: true }, error);
      return;
    }
    if (isApiError(error) && error.kind === 'forbidden') sender.onForbidden?.(error.message);
    update(scope, note.localId, { state: 'failed', error: failureOf(error) });
  } finally {
    observer.reset();
  }
}

/**
 * The last answer was lost: look for the note on the server. Found = sent (no second POST). Not found = failed,
 * safe to send again. The check itself failing = still failed and still "may have been written".
 */
async function check(sender: NoteSender, note: PendingNote, cause: unknown): Promise<boolean> {
  const { queryClient, ticketId, scope } = sender;
  update(scope, note.localId, { state: 'checking' });
  try {
    const found = await findOnServer(sender, note);
    if (found) {
      putNoteInLists(queryClient, ticketId, found);
      discardPendingNote(scope, note.localId);
      // The write happened but its answer (the new ticket) was lost: the ticket and its notes are re-read.
      await queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticketId) });
      return true;
    }
    update(scope, note.localId, { state: 'failed', maybeWritten: false, error: failureOf(cause) });
  } catch {
    update(scope, note.localId, {
      state: 'failed',
      maybeWritten: true,
      error: {
        kind: 'network',
        message: `${failureOf(cause).message} It could not be checked whether the note reached the server.`,
      },
    });
  }
  return false;
}

/** Sends a new note: it shows as pending at once; returns its local id. */
export function sendNote(sender: NoteSender, input: AddNoteInput): string {
  counter += 1;
  const note: PendingNote = {
    localId: `${Date.now().toString(36)}-${counter}`,
    ticketId: sender.ticketId,
    input,
    startedAt: Date.now(),
    state: 'sending',
    error: null,
    maybeWritten: false,
    knownIds: knownNoteIds(sender.queryClient, sender.ticketId),
  };
  save(sender.scope, [...load(sender.scope), note]);
  void attempt(sender, note);
  return note.localId;
}

/** `Retry`: after a lost answer, looks for the note first and sends again only when it is not there. */
export async function retryNote(sender: NoteSender, localId: string): Promise<void> {
  const note = load(sender.scope).find((candidate) => candidate.localId === localId);
  if (!note || note.state !== 'failed') return;
  if (note.maybeWritten) {
    const found = await check(sender, note, new Error('The last answer was lost.'));
    if (found) return;
    const after = load(sender.scope).find((candidate) => candidate.localId === localId);
    // Still unknown (the check could not reach the server): do not send blind.
    if (!after || after.maybeWritten) return;
  }
  await attempt(sender, { ...note, maybeWritten: false });
}
