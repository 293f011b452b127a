import { Button, Menu, Text } from '@mantine/core';
import { ChevronDownIcon, HistoryIcon, PinIcon } from '../../ui/icons.tsx';
import classes from './shell.module.css';

export interface ShellTicketLink {
  id: number;
  summary: string;
  status: string;
}

export interface TicketsMenuProps {
  recent: readonly ShellTicketLink[];
  pinned: readonly ShellTicketLink[];
  onOpen: (id: number) => void;
  /** How many recent tickets the menu lists (the home page shows more). */
  recentLimit?: number;
}

function TicketItems({
  tickets,
  onOpen,
}: {
  tickets: readonly ShellTicketLink[];
  onOpen: (id: number) => void;
}) {
  return tickets.map((ticket) => (
    <Menu.Item
      key={ticket.id}
      onClick={() => onOpen(ticket.id)}
      classNames={{ itemLabel: classes.ticketMenuLabel }}
    >
      <Text size="sm" className={classes.ticketMenuSummary}>
        <Text span fw={600}>
          #{ticket.id}
        </Text>{' '}
        {ticket.summary || 'No summary'}
      </Text>
      {ticket.status ? (
        <Text size="xs" c="dimmed">
          {ticket.status}
        </Text>
      ) : null}
    </Menu.Item>
  ));
}

/**
 * Recently viewed and pinned tickets, one click away from anywhere. An empty list says so in a disabled item,
 * not in plain text: a menu may own only menu items (axe aria-required-children).
 */
export function TicketsMenu({ recent, pinned, onOpen, recentLimit = 10 }: TicketsMenuProps) {
  const shownRecent = recent.slice(0, recentLimit);
  return (
    <Menu position="bottom-end" width={340} shadow="md" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          c="var(--mantine-color-text)"
          leftSection={<HistoryIcon />}
          rightSection={<ChevronDownIcon size={14} />}
          px="xs"
        >
          <span className={classes.phoneHidden}>Tickets</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label="Pinned and recently viewed tickets" className={classes.ticketMenuDropdown}>
        <Menu.Label>
          <PinIcon size={14} style={{ verticalAlign: '-2px' }} /> Pinned
        </Menu.Label>
        {pinned.length > 0 ? (
          <TicketItems tickets={pinned} onOpen={onOpen} />
        ) : (
          <Menu.Item disabled>No pinned tickets. Pin one from its page.</Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Label>
          <HistoryIcon size={14} style={{ verticalAlign: '-2px' }} /> Recently viewed
        </Menu.Label>
        {shownRecent.length > 0 ? (
          <TicketItems tickets={shownRecent} onOpen={onOpen} />
        ) : (
          <Menu.Item disabled>Tickets you open will be listed here.</Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
