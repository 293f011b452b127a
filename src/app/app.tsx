import { RouterProvider, type createBrowserRouter } from 'react-router';
import type { AppConfig } from '../config/config-schema.ts';
import { CoreProviders } from './core-providers.tsx';
import type { AppServices } from './app-services.ts';

export interface AppProps {
  config: AppConfig;
  services: AppServices;
  /** A browser router in the page, a memory router in tests; both built from `appRoutes`. */
  router: ReturnType<typeof createBrowserRouter>;
  env?: 'default' | 'test';
}

export function App({ config, services, router, env = 'default' }: AppProps) {
  return (
    <CoreProviders config={config} services={services} env={env}>
      <RouterProvider router={router} />
    </CoreProviders>
  );
}
