import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { App } from '../../src/app/app.tsx';
import { createAppServices, type AppServices } from '../../src/app/app-services.ts';
import { appRoutes } from '../../src/app/routes.tsx';
import type { AppConfig } from '../../src/config/config-schema.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { createTestEmulator, type TestEmulator } from '../../emulator/testing.ts';

// Renders the real app (routes, providers, QueryClient, session, ky client) against the in-process emulator,
// with a memory router starting at `path`. Nothing is mocked but the socket.

export interface RenderedApp extends RenderResult {
  emulator: TestEmulator;
  services: AppServices;
  router: ReturnType<typeof createMemoryRouter>;
  config: AppConfig;
  user: UserEvent;
  /** The emulator's request log (control plane), path after /TrackIt/WebApi. */
  requests(): Promise<{ method: string; path: string; status: number }[]>;
  control(path: string, body?: unknown): Promise<Response>;
}

export interface RenderAppOptions {
  path?: string;
  emulator?: TestEmulator;
  /** Wraps the emulator's fetch, e.g. to make the server unreachable. */
  fetch?: (emulatorFetch: typeof fetch) => typeof fetch;
  config?: Record<string, unknown>;
}

export function configFor(emulator: TestEmulator, extra: Record<string, unknown> = {}): AppConfig {
  const result = parseConfig({
    apiBaseUrl: emulator.baseUrl,
    siteName: 'Contoso Help Desk',
    vocabulary: { groups: ['HELP DESK', 'FIELD SERVICES', 'SYSTEM ADMINISTRATION'] },
    ...extra,
  });
  if (!result.ok) throw new Error(result.problem);
  return result.config;
}

export function renderApp(options: RenderAppOptions = {}): RenderedApp {
  const emulator = options.emulator ?? createTestEmulator({ seedTickets: 150 });
  const fetchImpl = options.fetch ? options.fetch(emulator.fetch) : emulator.fetch;
  const config = configFor(emulator, options.config);
  const services = createAppServices(config, { fetch: fetchImpl, sessionStorage: null });
  const router = createMemoryRouter(appRoutes, { initialEntries: [options.path ?? '/'] });
  const user = userEvent.setup();
  const rendered = render(<App config={config} services={services} router={router} env="test" />);
  const control = (path: string, body?: unknown) =>
    emulator.fetch(`http://emulator.test/__emulator/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    ...rendered,
    emulator,
    services,
    router,
    config,
    user,
    control,
    async requests() {
      const response = await control('log');
      const body = (await response.json()) as {
        requests: { method: string; path: string; status: number }[];
      };
      return body.requests;
    },
  };
}

export function disposeApp(app: RenderedApp): void {
  app.unmount();
  app.services.session.dispose();
  app.services.queryClient.clear();
  app.emulator.close();
}
