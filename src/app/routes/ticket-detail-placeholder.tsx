import { useParams } from 'react-router';
import { PageHeader } from '../../ui/page-header.tsx';

/** Stands in for the ticket detail route (src/app/routes/ticket-detail-route.tsx) until it lands. */
export function TicketDetailRoute() {
  const { id } = useParams();
  return (
    <PageHeader title={`Ticket ${id ?? ''}`} description="The ticket detail view is not installed yet." />
  );
}
