import type { ReactNode } from 'react';
import type { AppConfig } from '../config/config-schema.ts';
import type { AppServices } from './app-services.ts';
import { CoreProviders } from './core-providers.tsx';
import { TicketIndexMount } from './ticket-index-mount.tsx';

export interface AppProvidersProps {
  config: AppConfig;
  services: AppServices;
  env?: 'default' | 'test';
  children: ReactNode;
}

/**
 * Every context a signed-in screen reads, the ticket index included, for rendering a screen on its own (the
 * integration tests). The app itself mounts `CoreProviders` and leaves the index to the signed-in pages' lazy
 * chunk (routes/signed-in-area.tsx).
 */
export function AppProviders({ config, services, env = 'default', children }: AppProvidersProps) {
  return (
    <CoreProviders config={config} services={services} env={env}>
      <TicketIndexMount>{children}</TicketIndexMount>
    </CoreProviders>
  );
}
