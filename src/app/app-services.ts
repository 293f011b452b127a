import type { QueryClient } from '@tanstack/react-query';
import { createApiClient, type ApiClient } from '../api/client.ts';
import { createSession, type Session } from '../api/session.ts';
import type { AppConfig } from '../config/config-schema.ts';
import { createQueryClient } from './query-client.ts';

export interface AppServices {
  session: Session;
  apiClient: ApiClient;
  queryClient: QueryClient;
}

export interface AppServicesOptions {
  /** Tests pass the in-process emulator's fetch. */
  fetch?: typeof fetch;
  /** Tests pass null so that nothing leaks between them through sessionStorage. */
  sessionStorage?: Storage | null;
  localStorage?: Storage | null;
}

/** The long-lived objects of one running app: made once at start-up, after config.json is known. */
export function createAppServices(config: AppConfig, options: AppServicesOptions = {}): AppServices {
  const session = createSession({
    apiBaseUrl: config.apiBaseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.sessionStorage !== undefined ? { sessionStorage: options.sessionStorage } : {}),
    ...(options.localStorage !== undefined ? { localStorage: options.localStorage } : {}),
  });
  const apiClient = createApiClient(config, session, options.fetch ? { fetch: options.fetch } : {});
  return { session, apiClient, queryClient: createQueryClient() };
}
