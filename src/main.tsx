// zod-setup runs first and alone: it turns off zod's eval probe (blocked by the CSP) before any schema exists.
// The app itself is imported dynamically, so no bundler chunking can evaluate a schema before it (a static
// import graph may be split into chunks that run ahead of this module's own code).
import './app/zod-setup.ts';
import './app/mantine-styles.ts';
import './app/app.css';

const container = document.getElementById('root');
if (container) {
  const entryModuleUrl = import.meta.url;
  void import('./app/start-app.tsx').then(({ startApp }) => startApp(container, { entryModuleUrl }));
}
