import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { ApiClientContext, SessionContext } from '../api/api-context.ts';
import type { AppConfig } from '../config/config-schema.ts';
import { ConfigContext } from '../config/config-context.ts';
import { TicketIndexProvider } from '../features/ticket-index/ticket-index-provider.tsx';
import { usePinnedTickets } from '../features/tickets/recent-tickets.ts';
import type { AppServices } from './app-services.ts';
import { appTheme, cssVariablesResolver } from './theme.ts';

export interface ThemeProviderProps {
  /** config.json `display.theme`: 'auto' follows the system until the technician picks one in the user menu. */
  defaultColorScheme?: 'auto' | 'light' | 'dark';
  /** 'test' turns off transitions and portals (Testing Library). */
  env?: 'default' | 'test';
  children: ReactNode;
}

/** Mantine alone: also used by the start-up error page, which has no config to go on. */
export function ThemeProvider({
  defaultColorScheme = 'auto',
  env = 'default',
  children,
}: ThemeProviderProps) {
  return (
    <MantineProvider
      theme={appTheme}
      defaultColorScheme={defaultColorScheme}
      cssVariablesResolver={cssVariablesResolver}
      env={env}
    >
      {children}
    </MantineProvider>
  );
}

export interface AppProvidersProps {
  config: AppConfig;
  services: AppServices;
  env?: 'default' | 'test';
  children: ReactNode;
}

/**
 * The local ticket index (issue 5) with the signed-in technician's pinned tickets, which it keeps fresh. In tests
 * (`env="test"`) the background sync stays off so that request logs hold only what the screen asked for.
 */
function TicketIndexMount({ env, children }: { env: 'default' | 'test'; children: ReactNode }) {
  const pinned = usePinnedTickets();
  const pinnedIds = useMemo(() => pinned.map((ticket) => ticket.id), [pinned]);
  return (
    <TicketIndexProvider pinnedIds={pinnedIds} {...(env === 'test' ? { backgroundSync: false } : {})}>
      {children}
    </TicketIndexProvider>
  );
}

/** Every context the screens read: theme, notifications, modals, server state, config, session, API client. */
export function AppProviders({ config, services, env = 'default', children }: AppProvidersProps) {
  return (
    <ThemeProvider defaultColorScheme={config.display.theme} env={env}>
      <ConfigContext value={config}>
        <SessionContext value={services.session}>
          <ApiClientContext value={services.apiClient}>
            <QueryClientProvider client={services.queryClient}>
              <TicketIndexMount env={env}>
                <ModalsProvider>
                  <Notifications position="bottom-right" />
                  {children}
                </ModalsProvider>
              </TicketIndexMount>
            </QueryClientProvider>
          </ApiClientContext>
        </SessionContext>
      </ConfigContext>
    </ThemeProvider>
  );
}
