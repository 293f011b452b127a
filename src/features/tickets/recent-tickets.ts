import { useSyncExternalStore } from 'react';
import * as z from 'zod/mini';
import { useSessionState } from '../../api/api-context.ts';
import { technicianKey } from '../../api/technician-key.ts';

// Recently viewed and pinned tickets, per technician, in localStorage. The WebApi keeps no such list
// (protocol-notes §2.2: no list endpoints), so the browser does. Only ids, summaries and statuses are kept
// here; never tokens (issue 3: tokens stay out of localStorage).

export const RECENT_TICKETS_LIMIT = 20;

export interface TicketRef {
  id: number;
  summary: string;
  status: string;
}

export interface RecentTicket extends TicketRef {
  /** ISO time of the last view. */
  viewedAt: string;
}

export interface PinnedTicket extends TicketRef {
  /** ISO time the ticket was pinned. */
  pinnedAt: string;
}

const refShape = {
  id: z.int().check(z.positive()),
  summary: z.string(),
  status: z.string(),
};
const recentListSchema = z.array(z.object({ ...refShape, viewedAt: z.string() }));
const pinnedListSchema = z.array(z.object({ ...refShape, pinnedAt: z.string() }));

type ListKind = 'recent' | 'pinned';

/** The owner key of one technician's lists: group and login, as Track-It! names a technician. */
export function ticketListOwner(technician: { group: string; login: string }): string {
  return technicianKey(technician).toUpperCase();
}

function storageKey(kind: ListKind, owner: string): string {
  return `trackit-helpdesk:${kind}-tickets:${owner}`;
}

const listeners = new Set<() => void>();
// Parsed lists by storage key, with the raw text they came from (so an unchanged list keeps its identity, as
// useSyncExternalStore needs). Every render of the header and the detail view reads these, and a localStorage
// read is a synchronous call into the browser, so within one synchronous run (a render pass) the kept list is
// trusted; the next run reads storage again, which also catches writes by other tabs or by code that bypasses
// this module.
const snapshots = new Map<string, { raw: string | null; value: readonly unknown[] }>();
let trustedThisTask = false;
const EMPTY: readonly never[] = Object.freeze([]);

function trustForThisTask(): void {
  if (trustedThisTask) return;
  trustedThisTask = true;
  queueMicrotask(() => {
    trustedThisTask = false;
  });
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Storage can be disabled (privacy mode, policy); the lists then simply stay empty.
    return null;
  }
}

function readRaw(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function readList<T>(kind: ListKind, owner: string, schema: z.ZodMiniType<T[]>): readonly T[] {
  const key = storageKey(kind, owner);
  const cached = snapshots.get(key);
  if (cached && trustedThisTask) return cached.value as readonly T[];
  const raw = readRaw(key);
  trustForThisTask();
  if (cached && cached.raw === raw) return cached.value as readonly T[];
  let value: readonly T[] = EMPTY;
  if (raw !== null) {
    try {
      const parsed = schema.safeParse(JSON.parse(raw));
      // A corrupt or foreign value is dropped rather than breaking the header.
      if (parsed.success) value = parsed.data;
    } catch {
      value = EMPTY;
    }
  }
  snapshots.set(key, { raw, value });
  return value;
}

function notify(): void {
  for (const listener of listeners) listener();
}

/** Forgets the kept lists so the next read goes to localStorage (another tab wrote to it). */
export function forgetKeptTicketLists(): void {
  snapshots.clear();
  notify();
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key.startsWith('trackit-helpdesk:')) forgetKeptTicketLists();
  });
}

function writeList(kind: ListKind, owner: string, list: readonly TicketRef[]): void {
  const key = storageKey(kind, owner);
  const raw = JSON.stringify(list);
  snapshots.set(key, { raw, value: list });
  try {
    storage()?.setItem(key, raw);
  } catch {
    // Quota exceeded or storage disabled: the lists are a convenience (kept for this tab), never an error.
  }
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function readRecentTickets(owner: string): readonly RecentTicket[] {
  return readList('recent', owner, recentListSchema);
}

export function readPinnedTickets(owner: string): readonly PinnedTicket[] {
  return readList('pinned', owner, pinnedListSchema);
}

/** Puts the ticket first in the technician's recently viewed list (last 20 kept). */
export function recordRecentTicket(owner: string, ticket: TicketRef, now: Date = new Date()): void {
  const previous = readRecentTickets(owner);
  const first = previous[0];
  if (first && first.id === ticket.id && first.summary === ticket.summary && first.status === ticket.status)
    return;
  const entry: RecentTicket = {
    id: ticket.id,
    summary: ticket.summary,
    status: ticket.status,
    viewedAt: now.toISOString(),
  };
  writeList(
    'recent',
    owner,
    [entry, ...previous.filter((t) => t.id !== ticket.id)].slice(0, RECENT_TICKETS_LIMIT),
  );
  // Keep a pinned ticket's summary and status as fresh as the last view of it.
  const pinned = readPinnedTickets(owner);
  const pin = pinned.find((t) => t.id === ticket.id);
  if (pin && (pin.summary !== ticket.summary || pin.status !== ticket.status)) {
    writeList(
      'pinned',
      owner,
      pinned.map((t) => (t.id === ticket.id ? { ...t, summary: ticket.summary, status: ticket.status } : t)),
    );
  }
}

/** Pins the ticket, or unpins it if pinned. Returns whether it is pinned afterwards. */
export function togglePinned(owner: string, ticket: TicketRef, now: Date = new Date()): boolean {
  const pinned = readPinnedTickets(owner);
  if (pinned.some((t) => t.id === ticket.id)) {
    writeList(
      'pinned',
      owner,
      pinned.filter((t) => t.id !== ticket.id),
    );
    return false;
  }
  const entry: PinnedTicket = {
    id: ticket.id,
    summary: ticket.summary,
    status: ticket.status,
    pinnedAt: now.toISOString(),
  };
  writeList('pinned', owner, [entry, ...pinned]);
  return true;
}

export function isPinned(owner: string, id: number): boolean {
  return readPinnedTickets(owner).some((t) => t.id === id);
}

/** Drops a ticket from the technician's recent and pinned lists (it was deleted). */
export function forgetTicket(owner: string, id: number): void {
  const recent = readRecentTickets(owner);
  if (recent.some((t) => t.id === id))
    writeList(
      'recent',
      owner,
      recent.filter((t) => t.id !== id),
    );
  const pinned = readPinnedTickets(owner);
  if (pinned.some((t) => t.id === id))
    writeList(
      'pinned',
      owner,
      pinned.filter((t) => t.id !== id),
    );
}

/** The technician's recently viewed tickets, newest first; re-renders when any tab changes them. */
export function useRecentTicketsOf(owner: string | null): readonly RecentTicket[] {
  return useSyncExternalStore(
    subscribe,
    () => (owner ? readRecentTickets(owner) : EMPTY),
    () => EMPTY,
  );
}

/** The technician's pinned tickets, last pinned first; re-renders when any tab changes them. */
export function usePinnedTicketsOf(owner: string | null): readonly PinnedTicket[] {
  return useSyncExternalStore(
    subscribe,
    () => (owner ? readPinnedTickets(owner) : EMPTY),
    () => EMPTY,
  );
}

/** The signed-in technician's owner key, or null when nobody is signed in. */
export function useTicketListOwner(): string | null {
  const { technician } = useSessionState();
  return technician ? ticketListOwner(technician) : null;
}

/** The signed-in technician's recently viewed tickets (newest first, at most 20). */
export function useRecentTickets(): readonly RecentTicket[] {
  return useRecentTicketsOf(useTicketListOwner());
}

/** The signed-in technician's pinned tickets (last pinned first). */
export function usePinnedTickets(): readonly PinnedTicket[] {
  return usePinnedTicketsOf(useTicketListOwner());
}
