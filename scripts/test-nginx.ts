// Issue 6: the nginx recipes (deploy/nginx.conf at /, deploy/nginx-subpath.conf at /helpdesk/) tried for real
// with Debian's nginx on loopback, in front of the emulator's WebApi.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../e2e/support/emulator-process.ts';
import { ensureDist } from './lib/dist.ts';
import { findNginx, startNginx, type RunningNginx } from './lib/nginx.ts';
import { itServesTheInstalledApp } from './lib/install-checks.ts';
import { itRunsTheAppInChromium } from './lib/browser-check.ts';

const nginx = findNginx();
const skip = nginx
  ? false
  : 'nginx is not installed (Debian: apt-get install -y nginx): the nginx recipe was NOT tried';
if (!nginx) console.log(`SKIP ${skip}`);

for (const [recipe, base] of [
  ['nginx.conf', '/'],
  ['nginx-subpath.conf', '/helpdesk/'],
] as const) {
  describe(`deploy/${recipe} serving the app at ${base}`, { skip }, () => {
    let emulator: RunningEmulator;
    let server: RunningNginx;

    before(async () => {
      const distDir = await ensureDist();
      emulator = await startEmulator({ appDir: false, seedTickets: 150 });
      server = await startNginx({ nginx: nginx!, recipe, distDir, upstreamOrigin: emulator.origin });
    });
    after(async () => {
      await server?.stop();
      await emulator?.stop();
    });

    itServesTheInstalledApp(() => server.origin, base);
    itRunsTheAppInChromium(() => server.origin, base);

    if (base !== '/') {
      it(`redirects ${base.slice(0, -1)} to ${base}`, async () => {
        const response = await fetch(`${server.origin}${base.slice(0, -1)}`, { redirect: 'manual' });
        assert.equal(response.status, 301);
        assert.equal(new URL(response.headers.get('location') ?? '', server.origin).pathname, base);
      });
    }
  });
}
