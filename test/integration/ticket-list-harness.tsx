import { render, type RenderResult } from '@testing-library/react';
import { useEffect } from 'react';
import { createMemoryRouter, RouterProvider, useLocation, useParams } from 'react-router';
import { createTestEmulator, type TestEmulator } from '../../emulator/testing.ts';
import { AppProviders } from '../../src/app/app-providers.tsx';
import type { AppServices } from '../../src/app/app-services.ts';
import { TicketListRoute } from '../../src/app/routes/ticket-list-route.tsx';
import type { AppConfig } from '../../src/config/config-schema.ts';
import type { TicketIndexSnapshot } from '../../src/features/ticket-index/index-snapshot.ts';
import {
  useTicketIndex,
  useTicketIndexHandle,
  type TicketIndexHandle,
} from '../../src/features/ticket-index/ticket-index-provider.tsx';
import { openEmulatorSession } from './emulator-session.ts';

// The list route against the in-process emulator: the real API client, session, QueryClient and ticket index
// (fake-indexeddb), filled by one pass of the real sync engine.

export interface ListHarness {
  emulator: TestEmulator;
  config: AppConfig;
  services: AppServices;
  control(path: string, body?: unknown, method?: 'POST' | 'DELETE'): Promise<void>;
  close(): void;
}

export async function createListHarness(seedTickets = 300): Promise<ListHarness> {
  const emulator = createTestEmulator({ seedTickets });
  // No pause between batches: the test walks a few hundred ids at once.
  const session = await openEmulatorSession(emulator, { sync: { batchDelayMs: 0, concurrency: 8 } });
  return {
    emulator,
    config: session.config,
    services: session.services,
    control: session.control,
    close: session.close,
  };
}

/** Hands the test the index's handle and latest snapshot. */
export const probe: { handle: TicketIndexHandle | null; snapshot: TicketIndexSnapshot | null } = {
  handle: null,
  snapshot: null,
};

function IndexProbe() {
  const handle = useTicketIndexHandle();
  const snapshot = useTicketIndex();
  useEffect(() => {
    probe.handle = handle;
    probe.snapshot = snapshot;
  });
  return null;
}

function DetailStub() {
  const { id } = useParams();
  const location = useLocation();
  const hint = (location.state as { listTicket?: { summary: string | null } } | null)?.listTicket;
  return (
    <>
      <h1>Ticket {id}</h1>
      <p data-testid="hint">{hint ? `hint: ${hint.summary ?? ''}` : 'no hint'}</p>
    </>
  );
}

export interface RenderedList extends RenderResult {
  router: ReturnType<typeof createMemoryRouter>;
}

export function renderList(harness: ListHarness, path = '/tickets'): RenderedList {
  const router = createMemoryRouter(
    [
      { path: '/tickets', element: <TicketListRoute /> },
      { path: '/tickets/:id', element: <DetailStub /> },
    ],
    { initialEntries: [path] },
  );
  const result = render(
    <AppProviders config={harness.config} services={harness.services} env="test">
      <IndexProbe />
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router };
}
