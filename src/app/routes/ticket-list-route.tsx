import { useMemo } from 'react';
import { useSessionState } from '../../api/api-context.ts';
import { IndexStatus } from '../../features/ticket-index/index-status.tsx';
import { useTicketIndex } from '../../features/ticket-index/ticket-index-provider.tsx';
import { seenIndexLookupValues } from '../../features/ticket-list/seen-lookups.ts';
import { TicketListScreen } from '../../features/ticket-list/ticket-list-screen.tsx';
import {
  ticketListOwner,
  usePinnedTicketsOf,
  useRecentTicketsOf,
} from '../../features/tickets/recent-tickets.ts';
import { useDocumentTitle } from '../use-document-title.ts';

/**
 * `/tickets`: the list views over the local ticket index (issue 5). Composes three features: the index (its
 * tickets and status line), the browser's recently viewed and pinned tickets, and the list screen.
 */
export function TicketListRoute() {
  const snapshot = useTicketIndex();
  const { technician } = useSessionState();
  const owner = technician ? ticketListOwner(technician) : null;
  const recent = useRecentTicketsOf(owner);
  const pinned = usePinnedTicketsOf(owner);
  const recentIds = useMemo(() => recent.map((ticket) => ticket.id), [recent]);
  const pinnedIds = useMemo(() => pinned.map((ticket) => ticket.id), [pinned]);
  const seen = useMemo(() => seenIndexLookupValues(snapshot.tickets), [snapshot.tickets]);
  useDocumentTitle('Tickets');

  return (
    <TicketListScreen
      source={snapshot}
      loaded={snapshot.version > 0}
      indexStatus={<IndexStatus />}
      me={technician?.login ?? null}
      owner={owner}
      recentIds={recentIds}
      pinnedIds={pinnedIds}
      seen={seen}
    />
  );
}
