// HTTP checks of an installed app (a recipe from deploy/ in front of the emulator), shared by the nginx and
// Caddy tests. `base` is where the app is installed: '/' or '/helpdesk/'.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { immutableCaching, productionHeaders } from './production-headers.ts';

function assertProductionHeaders(response: Response, what: string): void {
  for (const [name, value] of Object.entries(productionHeaders)) {
    assert.equal(response.headers.get(name), value, `${what}: ${name}`);
  }
}

/** The entry script's path relative to the install path, e.g. `assets/index-abc123.js`. */
async function entryScript(origin: string, base: string): Promise<string> {
  const html = await (await fetch(`${origin}${base}`)).text();
  const src = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
  assert.ok(src, 'index.html loads an entry script');
  return new URL(src, `${origin}${base}`).pathname.slice(base.length);
}

export function itServesTheInstalledApp(getOrigin: () => string, base: string): void {
  it(`serves index.html at ${base} with the production headers and no caching`, async () => {
    const response = await fetch(`${getOrigin()}${base}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    assertProductionHeaders(response, 'index.html');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(await response.text(), /<div id="root"><\/div>/);
  });

  it(`answers the client route ${base}tickets/101 with index.html, uncached`, async () => {
    const response = await fetch(`${getOrigin()}${base}tickets/101`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    assertProductionHeaders(response, 'client route');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(await response.text(), /<div id="root"><\/div>/);
  });

  it(`serves ${base}config.json as JSON, uncached`, async () => {
    const response = await fetch(`${getOrigin()}${base}config.json`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(
      (JSON.parse(await response.text()) as { apiBaseUrl?: string }).apiBaseUrl,
      '/TrackIt/WebApi',
    );
  });

  it('serves hashed assets as JavaScript, cached for a year and immutable', async () => {
    const script = await entryScript(getOrigin(), base);
    const response = await fetch(`${getOrigin()}${base}${script}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
    assert.equal(response.headers.get('cache-control'), immutableCaching);
    assertProductionHeaders(response, 'asset');
  });

  it(`makes index.html's links absolute under ${base}, so that a page opened at a client route finds its files`, async () => {
    for (const page of [base, `${base}tickets/101`]) {
      const html = await (await fetch(`${getOrigin()}${page}`)).text();
      const urls = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
      assert.ok(urls.length >= 2, `${page} links its files`);
      for (const url of urls) assert.ok(url.startsWith(base), `${page}: ${url} starts with ${base}`);
    }
  });

  it('answers 404 for a hashed file that does not exist, never index.html', async () => {
    const response = await fetch(`${getOrigin()}${base}assets/index-00000000.js`);
    assert.equal(response.status, 404);
    assert.doesNotMatch(await response.text(), /<div id="root">/);
  });

  it('proxies the WebApi token call and a ticket read to the Track-It! server', async () => {
    const tokenResponse = await fetch(`${getOrigin()}/TrackIt/WebApi/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        username: 'HELP DESK\\TECH1',
        password: 'welcome',
      }),
    });
    assert.equal(tokenResponse.status, 200);
    const token = ((await tokenResponse.json()) as { access_token?: string }).access_token;
    assert.ok(token, 'an access token came back through the proxy');
    assert.equal(tokenResponse.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(tokenResponse.headers.get('referrer-policy'), 'no-referrer');
    const ticket = await fetch(`${getOrigin()}/TrackIt/WebApi/tickets/101`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(ticket.status, 200);
  });
}
