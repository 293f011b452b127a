import { Menu, Text } from '@mantine/core';
import { useLoadedMenuButton, type LoadedMenuProps } from '../../ui/deferred-menu.tsx';
import { HistoryIcon, PinIcon } from '../../ui/icons.tsx';
import { TicketsMenuButton } from './tickets-menu-button.tsx';
import type { ShellTicketLink, TicketsMenuProps } from './tickets-menu.tsx';
import classes from './shell.module.css';

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
 * The tickets menu once its code has arrived (tickets-menu.tsx). Recently viewed and pinned tickets, one click
 * away from anywhere. An empty list says so in a disabled item,
 * not in plain text: a menu may own only menu items (axe aria-required-children).
 */
export function TicketsMenuPopup({
  recent,
  pinned,
  onOpen,
  recentLimit = 10,
  defaultOpened,
  focusTarget,
}: TicketsMenuProps & LoadedMenuProps) {
  const shownRecent = recent.slice(0, recentLimit);
  const buttonRef = useLoadedMenuButton(focusTarget);
  return (
    <Menu
      position="bottom-end"
      width={340}
      shadow="md"
      withinPortal
      withInitialFocusPlaceholder={false}
      defaultOpened={defaultOpened}
    >
      <Menu.Target>
        <TicketsMenuButton ref={buttonRef} />
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
