import { deferredComponent } from '../../ui/deferred.ts';
import { DeferredMenu } from '../../ui/deferred-menu.tsx';
import { TicketsMenuButton } from './tickets-menu-button.tsx';

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

const TicketsMenuPopup = deferredComponent(
  async () => (await import('./tickets-menu-popup.tsx')).TicketsMenuPopup,
);

/** Recently viewed and pinned tickets, one click away from anywhere; the dropdown's code comes after paint. */
export function TicketsMenu(props: TicketsMenuProps) {
  return (
    <DeferredMenu
      menu={TicketsMenuPopup}
      menuProps={props}
      renderButton={(standIn) => <TicketsMenuButton {...standIn} />}
    />
  );
}
