import { render, type RenderResult } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createTestEmulator, type TestEmulator, type TestEmulatorOptions } from '../../emulator/testing.ts';
import { AppProviders } from '../../src/app/app-providers.tsx';
import type { AppServices } from '../../src/app/app-services.ts';
import { TicketDetailRoute } from '../../src/app/routes/ticket-detail-route.tsx';
import type { AppConfig } from '../../src/config/config-schema.ts';
import { openEmulatorSession } from './emulator-session.ts';

// The detail route against the in-process emulator: the real API client, session and QueryClient, with the
// emulator's fetch behind them, and a fetch log that records when each request starts and ends.

export interface FetchEvent {
  phase: 'start' | 'end';
  method: string;
  /** Path after /TrackIt/WebApi, with the query string. */
  path: string;
  at: number;
}

export interface DetailHarness {
  emulator: TestEmulator;
  config: AppConfig;
  services: AppServices;
  events: FetchEvent[];
  /** Requests (starts) to the WebApi other than /token, in order. */
  requests(): FetchEvent[];
  control(path: string, body?: unknown, method?: 'POST' | 'DELETE'): Promise<void>;
  close(): void;
}

const API_PREFIX = '/TrackIt/WebApi';

function pathOf(input: RequestInfo | URL): string {
  const raw = input instanceof Request ? input.url : String(input);
  const url = new URL(raw, 'http://emulator.test/');
  const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
  return `${path}${url.search}`;
}

export async function createDetailHarness(
  options: TestEmulatorOptions & { login?: { group: string; login: string } } = {},
): Promise<DetailHarness> {
  const emulator = createTestEmulator(options);
  const events: FetchEvent[] = [];
  const loggingFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const path = pathOf(input);
    events.push({ phase: 'start', method, path, at: performance.now() });
    try {
      return await emulator.fetch(input, init);
    } finally {
      events.push({ phase: 'end', method, path, at: performance.now() });
    }
  }) as typeof fetch;

  const session = await openEmulatorSession(emulator, {
    fetch: loggingFetch,
    ...(options.login ? { login: options.login } : {}),
  });
  const { config, services } = session;

  return {
    emulator,
    config,
    services,
    events,
    requests: () => events.filter((e) => e.phase === 'start' && !/^\/token/i.test(e.path)),
    control: session.control,
    close: session.close,
  };
}

export interface RenderedDetail extends RenderResult {
  router: ReturnType<typeof createMemoryRouter>;
}

export function renderDetail(harness: DetailHarness, path: string): RenderedDetail {
  const router = createMemoryRouter(
    [
      { path: '/tickets/:id', element: <TicketDetailRoute /> },
      { path: '/', element: <h1>Start page</h1> },
    ],
    { initialEntries: [path] },
  );
  const result = render(
    <AppProviders config={harness.config} services={harness.services} env="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router };
}
