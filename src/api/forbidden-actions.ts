import { useSyncExternalStore } from 'react';

// Issue 4: "A 403 says which permission is missing and disables that action for the session." The WebApi has
// no endpoint that lists a technician's permissions, so the app learns them from 403s and remembers them in
// memory, per technician: a reload or another sign-in asks the server again (an admin may have granted it).
// One store for every action, below the features, so that the forms, the detail view's actions and the note
// composer all read the same session's answers.

export type TicketAction = 'edit' | 'create' | 'add-note' | 'change-status' | 'close' | 'delete';

export interface ForbiddenAction {
  /** The server's words, e.g. "You do not have the Delete Ticket permission." */
  message: string;
}

const forbidden = new Map<string, ForbiddenAction>();
const listeners = new Set<() => void>();
let version = 0;

function keyOf(owner: string, action: TicketAction): string {
  return `${owner.toLowerCase()}|${action}`;
}

function notify(): void {
  version += 1;
  for (const listener of [...listeners]) listener();
}

export function markForbidden(owner: string, action: TicketAction, message: string): void {
  forbidden.set(keyOf(owner, action), { message });
  notify();
}

export function forbiddenAction(owner: string | null, action: TicketAction): ForbiddenAction | null {
  return owner === null ? null : (forbidden.get(keyOf(owner, action)) ?? null);
}

/** For tests: forget what was learnt. */
export function resetForbiddenActions(): void {
  forbidden.clear();
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The 403 learnt for `action` this session (null if none), re-rendering when one is learnt. */
export function useForbiddenAction(owner: string | null, action: TicketAction): ForbiddenAction | null {
  useSyncExternalStore(
    subscribe,
    () => version,
    () => version,
  );
  return forbiddenAction(owner, action);
}
