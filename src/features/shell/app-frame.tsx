import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ChartIcon, TicketIcon } from '../../ui/icons.tsx';
import { NewTicketButton } from './new-ticket-button.tsx';
import classes from './shell.module.css';

export const MAIN_CONTENT_ID = 'main-content';

export interface AppFrameProps {
  siteName: string;
  /** The `Go to ticket` box. */
  goToTicket: ReactNode;
  /** Recently viewed and pinned tickets. */
  ticketsMenu: ReactNode;
  userMenu: ReactNode;
  children: ReactNode;
}

/**
 * The page frame: a skip link, a header (product name, `Go to ticket`, tickets menu, user menu) and the main
 * landmark. On a phone the header stays one compact row: the names fold into icons (still named for screen
 * readers) so every control stays one tap away. Plain elements and CSS rather than Mantine's AppShell: the app has
 * no navbar or aside to lay out, and AppShell with its scroll lock came to 10 kB gzip on every page (issue 3).
 */
export function AppFrame({ siteName, goToTicket, ticketsMenu, userMenu, children }: AppFrameProps) {
  return (
    <div className={classes.frame}>
      <a href={`#${MAIN_CONTENT_ID}`} className="skip-link">
        Skip to main content
      </a>
      <header className={classes.header}>
        <Group className={classes.headerInner} align="center">
          <Link to="/" className={classes.brand}>
            <span className={classes.brandMark}>
              <TicketIcon size={18} />
            </span>
            <span className={classes.brandName}>{siteName}</span>
          </Link>
          {goToTicket}
          <div className={classes.spacer} />
          <NewTicketButton />
          <nav aria-label="Tickets" className={classes.nav}>
            <Button
              component={Link}
              to="/tickets"
              variant="subtle"
              color="gray"
              c="var(--mantine-color-text)"
              px="xs"
            >
              Lists
            </Button>
            <Button
              component={Link}
              to="/dashboard"
              variant="subtle"
              color="gray"
              c="var(--mantine-color-text)"
              px="xs"
              leftSection={<ChartIcon />}
              visibleFrom="sm"
            >
              Dashboard
            </Button>
            {ticketsMenu}
          </nav>
          {userMenu}
        </Group>
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className={classes.main}>
        <div className={classes.mainInner}>{children}</div>
      </main>
    </div>
  );
}
