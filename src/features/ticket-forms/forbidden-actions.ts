import { useSyncExternalStore } from 'react';

// Issue 4: "A 403 says which permission is missing and disables that action for the session." The server's
// permissions are not readable through the WebApi (no endpoint lists them), so the app learns them from 403s.
// Kept in memory per technician: a reload or another sign-in asks the server again, which is what we want
// once an admin has granted the permission.

export type TicketAction = 'edit' | 'create';

export interface ForbiddenAction {
  /** The server's words, e.g. "You do not have the Edit Tickets permission." */
  message: string;
}

const forbidden = new Map<string, ForbiddenAction>();
const listeners = new Set<() => void>();
let version = 0;

function keyOf(owner: string, action: TicketAction): string {
  return `${owner.toLowerCase()}|${action}`;
}

export function markForbidden(owner: string, action: TicketAction, message: string): void {
  forbidden.set(keyOf(owner, action), { message });
  version += 1;
  for (const listener of [...listeners]) listener();
}

export function forbiddenAction(owner: string | null, action: TicketAction): ForbiddenAction | null {
  return owner === null ? null : (forbidden.get(keyOf(owner, action)) ?? null);
}

/** For tests: forget what was learnt. */
export function resetForbiddenActions(): void {
  forbidden.clear();
  version += 1;
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The 403 learnt for `action` this session, re-rendering when one is learnt. */
export function useForbiddenAction(owner: string | null, action: TicketAction): ForbiddenAction | null {
  useSyncExternalStore(
    subscribe,
    () => version,
    () => version,
  );
  return forbiddenAction(owner, action);
}
