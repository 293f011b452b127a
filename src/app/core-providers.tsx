import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiClientContext, SessionContext } from '../api/api-context.ts';
import type { AppConfig } from '../config/config-schema.ts';
import { ConfigContext } from '../config/config-context.ts';
import { AppEnvContext } from './app-env.ts';
import { LazyNotifications } from './lazy-notifications.tsx';
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

export interface CoreProvidersProps {
  config: AppConfig;
  services: AppServices;
  env?: 'default' | 'test';
  children: ReactNode;
}

/**
 * What every page reads, the sign-in page included: theme, notifications, server state, config, session, API
 * client. The ticket index is not here: it comes with the signed-in pages (ticket-index-mount.tsx), so that the
 * first bundle stays small (issue 3: at most 200 kB gzip of JavaScript for the sign-in page).
 */
export function CoreProviders({ config, services, env = 'default', children }: CoreProvidersProps) {
  return (
    <ThemeProvider defaultColorScheme={config.display.theme} env={env}>
      <AppEnvContext value={env}>
        <ConfigContext value={config}>
          <SessionContext value={services.session}>
            <ApiClientContext value={services.apiClient}>
              <QueryClientProvider client={services.queryClient}>
                <LazyNotifications />
                {children}
              </QueryClientProvider>
            </ApiClientContext>
          </SessionContext>
        </ConfigContext>
      </AppEnvContext>
    </ThemeProvider>
  );
}
