import { render, type RenderResult } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useParams } from 'react-router';
import { createTestEmulator, type TestEmulator, type TestEmulatorOptions } from '../../emulator/testing.ts';
import { AppProviders } from '../../src/app/app-providers.tsx';
import type { AppServices } from '../../src/app/app-services.ts';
import { TicketCreateRoute } from '../../src/app/routes/ticket-create-route.tsx';
import { TicketEditRoute } from '../../src/app/routes/ticket-edit-route.tsx';
import type { AppConfig } from '../../src/config/config-schema.ts';
import { openEmulatorSession } from './emulator-session.ts';

// The edit and create routes against the in-process emulator, with the real client, session and QueryClient,
// and a log of every WebApi request with its JSON body (to assert what a save sends).

export interface LoggedRequest {
  method: string;
  /** Path after /TrackIt/WebApi. */
  path: string;
  body: unknown;
}

export interface FormsHarness {
  emulator: TestEmulator;
  config: AppConfig;
  services: AppServices;
  requests: LoggedRequest[];
  posts(path: RegExp): LoggedRequest[];
  control(path: string, body?: unknown, method?: 'POST' | 'DELETE'): Promise<void>;
  /** Writes to a ticket as another technician, behind the form's back. */
  changeBehindTheBack(id: number, properties: Record<string, unknown>, who?: string): Promise<void>;
  close(): void;
}

const API_PREFIX = '/TrackIt/WebApi';

export async function createFormsHarness(
  options: TestEmulatorOptions & { login?: { group: string; login: string } } = {},
): Promise<FormsHarness> {
  const emulator = createTestEmulator(options);
  const requests: LoggedRequest[] = [];
  const loggingFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://emulator.test/');
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    let body: unknown = undefined;
    const raw =
      init?.body ?? (input instanceof Request && method !== 'GET' ? await input.clone().text() : undefined);
    if (typeof raw === 'string') {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    if (!/^\/token/i.test(path)) requests.push({ method, path, body });
    return emulator.fetch(input, init);
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
    requests,
    posts: (path) => requests.filter((r) => r.method === 'POST' && path.test(r.path)),
    control: session.control,
    async changeBehindTheBack(id, properties, who = 'SYSTEM ADMINISTRATION\\ADMIN') {
      const token = await emulator.signIn(who);
      const response = await emulator.fetch(`${emulator.baseUrl}/tickets/${id}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ Properties: properties }),
      });
      if (!response.ok) throw new Error(`update ${id}: ${response.status} ${await response.text()}`);
    },
    close: session.close,
  };
}

function DetailStub() {
  const { id } = useParams();
  return <h1>Ticket page {id}</h1>;
}

export interface RenderedForms extends RenderResult {
  router: ReturnType<typeof createMemoryRouter>;
}

export function renderForms(harness: FormsHarness, path: string): RenderedForms {
  const router = createMemoryRouter(
    [
      { path: '/tickets/new', element: <TicketCreateRoute /> },
      { path: '/tickets/:id/edit', element: <TicketEditRoute /> },
      { path: '/tickets/:id', element: <DetailStub /> },
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
