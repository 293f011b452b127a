import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiClientContext, SessionContext } from '../../api/api-context.ts';
import type { Session, SessionState, Technician } from '../../api/session.ts';
import { ConfigContext } from '../../config/config-context.ts';
import { configSchema } from '../../config/config-schema.ts';
import { IndexStatus } from './index-status.tsx';
import { fakeApiClient, FakeServer, freshIndexedDb, idsWithGaps } from './sync-test-support.ts';
import { TicketIndexProvider, useClearThisBrowsersData, useTicketIndex } from './ticket-index-provider.tsx';

const tech1: Technician = {
  login: 'TECH1',
  group: 'HELP DESK',
  firstName: 'Alex',
  lastName: 'Rivera',
  email: '',
};
const field1: Technician = {
  login: 'FIELD1',
  group: 'FIELD SERVICES',
  firstName: 'Fay',
  lastName: 'Lee',
  email: '',
};

function fakeSession(technician: Technician) {
  let state: SessionState = { status: 'signed-in', technician, expiresAt: Date.now() + 3_600_000 };
  const listeners = new Set<(s: SessionState) => void>();
  const session = {
    getState: () => state,
    subscribe(listener: (s: SessionState) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as Session;
  return {
    session,
    signInAs(next: Technician) {
      state = { ...state, technician: next };
      for (const listener of listeners) listener(state);
    },
  };
}

function Probe() {
  const { stats, version } = useTicketIndex();
  const clear = useClearThisBrowsersData();
  return (
    <div>
      <p data-testid="count">{version === 0 ? 'loading' : String(stats.count)}</p>
      <button type="button" onClick={() => void clear()}>
        Clear this browser&apos;s data
      </button>
    </div>
  );
}

function setup(server: FakeServer, technician: Technician = tech1) {
  const config = configSchema.parse({
    sync: { concurrency: 4, batchDelayMs: 0, refreshIntervalSeconds: 15 },
  });
  const queryClient = new QueryClient();
  const session = fakeSession(technician);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MantineProvider env="test">
      <ConfigContext value={config}>
        <SessionContext value={session.session}>
          <ApiClientContext value={fakeApiClient(server)}>
            <QueryClientProvider client={queryClient}>
              <TicketIndexProvider>{children}</TicketIndexProvider>
            </QueryClientProvider>
          </ApiClientContext>
        </SessionContext>
      </ConfigContext>
    </MantineProvider>
  );
  render(
    <>
      <Probe />
      <IndexStatus />
    </>,
    { wrapper },
  );
  return { session, queryClient };
}

beforeEach(() => {
  freshIndexedDb();
});

describe('TicketIndexProvider and IndexStatus', () => {
  it('syncs in the background and says how many tickets are indexed, the newest id and when', async () => {
    setup(new FakeServer(idsWithGaps(101, 180, [150])));
    await waitFor(() => expect(screen.getByTestId('count')).toHaveTextContent('79'), { timeout: 10_000 });
    await waitFor(() =>
      expect(screen.getByTestId('index-status')).toHaveTextContent(
        '79 tickets indexed · newest #180 · synced just now',
      ),
    );
    expect(screen.getByRole('status')).toBeInTheDocument();
  });

  it('pauses and resumes the sync with its button', async () => {
    const user = userEvent.setup();
    setup(new FakeServer(idsWithGaps(101, 120, [])));
    const pause = await screen.findByRole('button', { name: 'Pause sync' });
    await user.click(pause);
    expect(await screen.findByRole('button', { name: 'Resume sync' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Resume sync' }));
    expect(await screen.findByRole('button', { name: 'Pause sync' })).toBeInTheDocument();
  });

  it("never shows the previous technician's index after someone else signs in", async () => {
    const server = new FakeServer(idsWithGaps(101, 130, []));
    const { session } = setup(server);
    await waitFor(() => expect(screen.getByTestId('count')).toHaveTextContent('30'), { timeout: 10_000 });
    // FIELD1 sees none of these tickets.
    for (let id = 101; id <= 130; id++) server.forbidden.add(id);
    act(() => session.signInAs(field1));
    await waitFor(() => expect(screen.getByTestId('count')).toHaveTextContent('0'), { timeout: 10_000 });
  });

  it("empties the index and the query cache when the browser's data is cleared", async () => {
    const user = userEvent.setup();
    const server = new FakeServer(idsWithGaps(101, 110, []));
    const { queryClient } = setup(server);
    await waitFor(() => expect(screen.getByTestId('count')).toHaveTextContent('10'), { timeout: 10_000 });
    queryClient.setQueryData(['tickets', 'detail', 101], 'cached');
    for (let id = 101; id <= 110; id++) server.tickets.delete(id);
    await user.click(screen.getByRole('button', { name: "Clear this browser's data" }));
    await waitFor(() => expect(screen.getByTestId('count')).toHaveTextContent('0'), { timeout: 10_000 });
    expect(queryClient.getQueryData(['tickets', 'detail', 101])).toBeUndefined();
  });
});
