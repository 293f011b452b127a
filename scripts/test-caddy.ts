// Issue 6: deploy/Caddyfile tried for real with Debian's caddy on loopback, in front of the emulator's WebApi,
// serving the app at / and at /helpdesk/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../e2e/support/emulator-process.ts';
import { ensureDist } from './lib/dist.ts';
import { findCaddy, startCaddy, type RunningCaddy } from './lib/caddy.ts';
import { itServesTheInstalledApp } from './lib/install-checks.ts';
import { itRunsTheAppInChromium } from './lib/browser-check.ts';

const caddy = findCaddy();
const skip = caddy
  ? false
  : 'caddy is not installed (Debian: apt-get install -y caddy): the Caddy recipe was NOT tried';
if (!caddy) console.log(`SKIP ${skip}`);

describe('deploy/Caddyfile', { skip }, () => {
  let emulator: RunningEmulator;
  let server: RunningCaddy;

  before(async () => {
    const distDir = await ensureDist();
    emulator = await startEmulator({ appDir: false, seedTickets: 150 });
    server = await startCaddy({ caddy: caddy!, distDir, upstreamOrigin: emulator.origin });
  });
  after(async () => {
    await server?.stop();
    await emulator?.stop();
  });

  describe('serving the app at /', () => {
    itServesTheInstalledApp(() => server.rootOrigin, '/');
    itRunsTheAppInChromium(() => server.rootOrigin, '/');
  });

  describe('serving the app at /helpdesk/', () => {
    itServesTheInstalledApp(() => server.subPathOrigin, '/helpdesk/');
    itRunsTheAppInChromium(() => server.subPathOrigin, '/helpdesk/');
    it('redirects /helpdesk to /helpdesk/', async () => {
      const response = await fetch(`${server.subPathOrigin}/helpdesk`, { redirect: 'manual' });
      assert.equal(response.status, 301);
      assert.equal(
        new URL(response.headers.get('location') ?? '', server.subPathOrigin).pathname,
        '/helpdesk/',
      );
    });
  });
});
