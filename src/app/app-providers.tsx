import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiClientContext, SessionContext } from '../api/api-context.ts';
import type { AppConfig } from '../config/config-schema.ts';
import { ConfigContext } from '../config/config-context.ts';
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

/** Every context the screens read: theme, notifications, modals, server state, config, session, API client. */
export function AppProviders({ config, services, env = 'default', children }: AppProvidersProps) {
  return (
    <ThemeProvider defaultColorScheme={config.display.theme} env={env}>
      <ConfigContext value={config}>
        <SessionContext value={services.session}>
          <ApiClientContext value={services.apiClient}>
            <QueryClientProvider client={services.queryClient}>
              <ModalsProvider>
                <Notifications position="bottom-right" />
                {children}
              </ModalsProvider>
            </QueryClientProvider>
          </ApiClientContext>
        </SessionContext>
      </ConfigContext>
    </ThemeProvider>
  );
}
