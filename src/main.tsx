import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import './app/mantine-styles.ts';
import './app/app.css';
import { App } from './app/app.tsx';
import { ThemeProvider } from './app/app-providers.tsx';
import { createAppServices } from './app/app-services.ts';
import { appBasename } from './app/basename.ts';
import { ConfigErrorPage } from './app/config-error-page.tsx';
import { appRoutes } from './app/routes.tsx';
import { loadConfig } from './config/load-config.ts';

// The app's base folder, from this module's own URL (the built entry lives in `<base>/assets/`, and in the dev
// server this file sits in `/src/`): config.json lives there, whatever deep link the page was opened at
// (`/helpdesk/tickets/101` must still read `/helpdesk/config.json`).
const appBaseUrl = new URL('..', import.meta.url);
const basename = appBasename(import.meta.url);

async function start(rootElement: HTMLElement): Promise<void> {
  const root = createRoot(rootElement);
  const configUrl = new URL('config.json', appBaseUrl);
  const result = await loadConfig((_input, init) => fetch(configUrl, init));
  if (!result.ok) {
    root.render(
      <StrictMode>
        <ThemeProvider>
          <ConfigErrorPage problem={result.problem} configUrl={configUrl.href} />
        </ThemeProvider>
      </StrictMode>,
    );
    return;
  }
  const config = result.config;
  document.title = config.siteName;
  const services = createAppServices(config);
  const router = createBrowserRouter(appRoutes, { basename });
  root.render(
    <StrictMode>
      <App config={config} services={services} router={router} />
    </StrictMode>,
  );
}

const rootElement = document.getElementById('root');
if (rootElement) void start(rootElement);
