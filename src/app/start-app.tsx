import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createBrowserRouter, createMemoryRouter } from 'react-router';
import { loadConfig } from '../config/load-config.ts';
import { App } from './app.tsx';
import { ThemeProvider } from './core-providers.tsx';
import { createAppServices, type AppServices, type AppServicesOptions } from './app-services.ts';
import { appBasename } from './basename.ts';
import { appRoutes } from './routes.tsx';

export interface StartAppOptions extends AppServicesOptions {
  /** The entry module's URL (`import.meta.url` in main.tsx): the app's base folder is the one above it. */
  entryModuleUrl: string;
  /** Tests start at a path in a memory router; the page uses the browser's location. */
  initialPath?: string;
  env?: 'default' | 'test';
}

export type StartedApp =
  | { ok: true; root: Root; services: AppServices; router: ReturnType<typeof createBrowserRouter> }
  | { ok: false; root: Root; problem: string };

/**
 * Start-up: read config.json, then render the app, or a page for the administrator that names the wrong key
 * (issue 3: never a blank screen).
 */
export async function startApp(container: HTMLElement, options: StartAppOptions): Promise<StartedApp> {
  const root = createRoot(container);
  // config.json lives in the app's base folder, whatever deep link the page was opened at: `/helpdesk/tickets/101`
  // must still read `/helpdesk/config.json`. (No <base> element can say so: the CSP has `base-uri 'none'`.)
  const configUrl = new URL('config.json', new URL('..', options.entryModuleUrl));
  const doFetch =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const result = await loadConfig((_input, init) => doFetch(configUrl, init));
  const env = options.env ?? 'default';
  if (!result.ok) {
    // Only an administrator's broken config.json shows this page: its code is not loaded otherwise.
    const { ConfigErrorPage } = await import('./config-error-page.tsx');
    root.render(
      <StrictMode>
        <ThemeProvider env={env}>
          <ConfigErrorPage problem={result.problem} configUrl={configUrl.href} />
        </ThemeProvider>
      </StrictMode>,
    );
    return { ok: false, root, problem: result.problem };
  }
  const config = result.config;
  document.title = config.siteName;
  const services = createAppServices(config, options);
  const router =
    options.initialPath === undefined
      ? createBrowserRouter(appRoutes, { basename: appBasename(options.entryModuleUrl) })
      : createMemoryRouter(appRoutes, { initialEntries: [options.initialPath] });
  root.render(
    <StrictMode>
      <App config={config} services={services} router={router} env={env} />
    </StrictMode>,
  );
  return { ok: true, root, services, router };
}
