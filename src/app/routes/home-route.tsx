import { Anchor, Card, Group, Kbd, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useSessionState } from '../../api/api-context.ts';
import { useConfig } from '../../config/config-context.ts';
import {
  ticketListOwner,
  usePinnedTicketsOf,
  useRecentTicketsOf,
  type TicketRef,
} from '../../features/tickets/recent-tickets.ts';
import { HistoryIcon, PinIcon } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { useDocumentTitle } from '../use-document-title.ts';

function TicketList({ tickets, empty }: { tickets: readonly TicketRef[]; empty: string }) {
  if (tickets.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          <Anchor component={Link} to={`/tickets/${ticket.id}`} underline="hover" display="block" py={4}>
            <Group gap="xs" wrap="nowrap" align="baseline">
              <Text span fw={650} size="sm" style={{ flexShrink: 0 }}>
                #{ticket.id}
              </Text>{' '}
              <Text span size="sm" c="var(--mantine-color-text)" truncate="end" style={{ minWidth: 0 }}>
                {ticket.summary || 'No summary'}
              </Text>{' '}
              {ticket.status ? (
                <Text span size="xs" c="dimmed" style={{ flexShrink: 0, marginLeft: 'auto' }}>
                  {ticket.status}
                </Text>
              ) : null}
            </Group>
          </Anchor>
        </li>
      ))}
    </Stack>
  );
}

/** The landing page: how to open a ticket, and the technician's pinned and recently viewed tickets. */
export function HomeRoute() {
  const config = useConfig();
  const { technician } = useSessionState();
  const owner = technician ? ticketListOwner(technician) : null;
  const recent = useRecentTicketsOf(owner);
  const pinned = usePinnedTicketsOf(owner);
  useDocumentTitle(config.siteName);

  const greeting = technician?.firstName ? `Hello, ${technician.firstName}` : 'Welcome';
  return (
    <>
      <PageHeader
        title={greeting}
        description={
          <>
            Type a ticket number in <b>Go to ticket</b> at the top (or press <Kbd size="xs">/</Kbd>) and press
            Enter, or open the{' '}
            <Anchor component={Link} to="/tickets">
              ticket lists
            </Anchor>
            :{' '}
            <Anchor component={Link} to="/tickets?view=mine">
              my open tickets
            </Anchor>
            ,{' '}
            <Anchor component={Link} to="/tickets?view=unassigned">
              unassigned
            </Anchor>
            ,{' '}
            <Anchor component={Link} to="/tickets?view=overdue">
              overdue
            </Anchor>
            .
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="pinned-heading">
          <Group gap="xs" mb="sm">
            <PinIcon />
            <Title order={2} fz="h4" id="pinned-heading">
              Pinned tickets
            </Title>
          </Group>
          <TicketList
            tickets={pinned}
            empty="No pinned tickets yet. Pin a ticket from its page to keep it here."
          />
        </Card>
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="recent-heading">
          <Group gap="xs" mb="sm">
            <HistoryIcon />
            <Title order={2} fz="h4" id="recent-heading">
              Recently viewed
            </Title>
          </Group>
          <TicketList tickets={recent} empty="Tickets you open will be listed here." />
        </Card>
      </SimpleGrid>
    </>
  );
}
