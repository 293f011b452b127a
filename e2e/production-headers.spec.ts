import { test, expect } from './support/fixtures.ts';

// The header set of issue 6, as the emulator serves the built app (deploy/README.md lists the same set for
// IIS, nginx and Caddy).
const csp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

test.describe('the production headers @sub-path', () => {
  test('index.html is sent with the strict CSP, nosniff, no referrer and no caching', async ({ request }) => {
    const response = await request.get('./');
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['content-security-policy']).toBe(csp);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cache-control']).toContain('no-store');
  });

  test('a client route falls back to index.html, also uncached', async ({ request }) => {
    const response = await request.get('tickets/101');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/html');
    expect(response.headers()['cache-control']).toContain('no-store');
    expect(await response.text()).toContain('<div id="root">');
  });

  test('config.json is never cached and hashed assets are immutable', async ({ request }) => {
    const config = await request.get('config.json');
    expect(config.status()).toBe(200);
    expect(config.headers()['cache-control']).toContain('no-store');

    const index = await request.get('./');
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(await index.text())?.[1];
    expect(script, 'index.html loads a script').toBeTruthy();
    // The emulator makes index.html's relative URLs absolute (emulator/static.ts); resolve either form.
    const asset = await request.get(new URL(script!, index.url()).href);
    expect(asset.status()).toBe(200);
    expect(asset.headers()['cache-control']).toMatch(
      /max-age=31536000.*immutable|immutable.*max-age=31536000/,
    );
    expect(asset.headers()['x-content-type-options']).toBe('nosniff');
  });
});
