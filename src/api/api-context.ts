import { createContext, use, useSyncExternalStore } from 'react';
import type { ApiClient } from './client.ts';
import type { Session, SessionState } from './session.ts';

// Plain contexts, no provider component here (api/ holds no React components): the app renders
// `<ApiClientContext value={client}>` and `<SessionContext value={session}>`.

export const ApiClientContext = createContext<ApiClient | null>(null);
export const SessionContext = createContext<Session | null>(null);

export function useApiClient(): ApiClient {
  const client = use(ApiClientContext);
  if (!client) throw new Error('useApiClient needs an ApiClientContext value above it.');
  return client;
}

export function useSession(): Session {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession needs a SessionContext value above it.');
  return session;
}

/** The session's state, re-rendering on every change (sign-in, renewal, needs-sign-in, sign-out). */
export function useSessionState(): SessionState {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}
