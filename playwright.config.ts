import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from './scripts/find-chromium.mjs';
import type { EmulatorOptions } from './e2e/support/fixtures.ts';

// Each worker starts its own emulator (e2e/support/fixtures.ts) on a free port, serving the built dist/ with
// the production headers: tests that read the emulator's request log or reset it cannot disturb each other.
// `npm run test:e2e` builds dist/ first.
const executablePath = findChromium();

export default defineConfig<EmulatorOptions>({
  testDir: './e2e',
  outputDir: './test-results/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // Two cores on this machine and in CI: each worker also runs an emulator.
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    headless: true,
    // Traces only when a test is retried (CI retries once): writing one per test costs time on two cores.
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: chromiumArgs,
    },
  },
  projects: [
    {
      name: 'root',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, appBase: '/' },
    },
    {
      // The same journeys with the app installed under a sub-path (issue 6).
      name: 'sub-path',
      grep: /@sub-path/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, appBase: '/helpdesk/' },
    },
  ],
});
