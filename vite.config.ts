import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is deployed as static files beside a Track-It! server, possibly under a sub-path, so every asset
// URL is relative ('./'); the router reads its basename from the page's <base>/location at run time.
const emulatorUrl = process.env.EMULATOR_URL ?? 'http://127.0.0.1:8081';

export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    proxy: {
      '/TrackIt': { target: emulatorUrl, changeOrigin: false },
      '/config.json': { target: emulatorUrl, changeOrigin: false },
    },
  },
});
