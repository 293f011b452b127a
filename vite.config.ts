import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is deployed as static files beside a Track-It! server, possibly under a sub-path, so every asset
// URL is relative ('./'); the router reads its basename from the page's <base>/location at run time.
const emulatorUrl = process.env.EMULATOR_URL ?? 'http://127.0.0.1:8081';

// Chunking (issue 3 budget: the sign-in and detail pages load at most 200 kB gzip of JavaScript). Left to itself
// Rolldown cuts Mantine into one small chunk per set of routes that share a component: the detail page loaded
// 44 files, and gzip compresses each alone, which cost about 12 kB over the same code in one file. So the
// Mantine components of the first pages (sign-in, the frame, the detail view) and Mantine's core go in one
// chunk, and so do the data libraries every page uses. A component missing from this list still works: it
// only gets a chunk of its own again. Components of later pages (date pickers, Combobox, Modal, Menu) stay out,
// so the first pages do not load them.
const firstPagesComponents = [
  'Alert',
  'Anchor',
  'Badge',
  'Box',
  'Button',
  'Center',
  'CloseButton',
  'Group',
  'Input',
  'InputBase',
  'Kbd',
  'Loader',
  'Skeleton',
  'Stack',
  'Switch',
  'Tabs',
  'Text',
  'TextInput',
  'Title',
  'Transition',
  'UnstyledButton',
  'VisuallyHidden',
];
const sep = String.raw`[\\/]`;
const firstPagesMantine = new RegExp(
  `node_modules${sep}@mantine${sep}(core${sep}esm${sep}(core|utils|components${sep}(${firstPagesComponents.join('|')}))${sep}|hooks${sep}|store${sep})`,
);
const dataLibraries = new RegExp(`node_modules${sep}(zod|@tanstack${sep}(query-core|react-query))${sep}`);

export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'mantine-base', test: firstPagesMantine },
            { name: 'data-libs', test: dataLibraries },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/TrackIt': { target: emulatorUrl, changeOrigin: false },
      '/config.json': { target: emulatorUrl, changeOrigin: false },
    },
  },
});
