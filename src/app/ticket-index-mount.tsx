import { use, useMemo, type ReactNode } from 'react';
import { TicketIndexProvider } from '../features/ticket-index/ticket-index-provider.tsx';
import { usePinnedTickets } from '../features/tickets/recent-tickets.ts';
import { AppEnvContext } from './app-env.ts';

/**
 * The local ticket index (issue 5) with the signed-in technician's pinned tickets, which it keeps fresh. Mounted
 * by the signed-in pages (a lazy chunk), so that the sign-in page never loads the index, its sync engine or the
 * ticket field catalog (issue 3 budget). In tests (`env="test"`) the background sync stays off.
 */
export function TicketIndexMount({ children }: { children: ReactNode }) {
  const env = use(AppEnvContext);
  const pinned = usePinnedTickets();
  const pinnedIds = useMemo(() => pinned.map((ticket) => ticket.id), [pinned]);
  return (
    <TicketIndexProvider pinnedIds={pinnedIds} {...(env === 'test' ? { backgroundSync: false } : {})}>
      {children}
    </TicketIndexProvider>
  );
}
