import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from './load-config.ts';

function serve(status: number, text: string) {
  const seen: { url: string; init: RequestInit | undefined }[] = [];
  const fetchImpl = (input: URL | string, init?: RequestInit) => {
    seen.push({ url: String(input), init });
    return Promise.resolve(new Response(text, { status }));
  };
  return { fetchImpl, seen };
}

describe('loadConfig', () => {
  it('fetches config.json beside the document, never from the cache, and applies defaults', async () => {
    const { fetchImpl, seen } = serve(200, '{}');
    const result = await loadConfig(fetchImpl);
    expect(seen[0]?.url).toBe(new URL('config.json', document.baseURI).href);
    expect(seen[0]?.init?.cache).toBe('no-store');
    expect(result).toMatchObject({
      ok: true,
      config: { apiBaseUrl: '/TrackIt/WebApi', modules: { tickets: 24 } },
    });
  });

  it('reads a full config', async () => {
    const config = {
      apiBaseUrl: 'https://desk.example/TrackIt/WebApi',
      vocabulary: {
        statuses: [
          { name: 'Open', type: 'open' },
          { name: 'Closed', type: 'closed', isDefaultClosed: true },
        ],
      },
    };
    const result = await loadConfig(serve(200, JSON.stringify(config)).fetchImpl);
    expect(result.ok && result.config.vocabulary.statuses[1]?.isDefaultClosed).toBe(true);
  });

  it('says config.json is missing on a 404', async () => {
    const result = await loadConfig(serve(404, 'Not Found').fetchImpl);
    expect(result).toEqual({
      ok: false,
      problem: expect.stringMatching(/config\.json is missing/) as unknown,
    });
  });

  it('says config.json is not valid JSON', async () => {
    const result = await loadConfig(serve(200, '{ "apiBaseUrl": ').fetchImpl);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(/not valid JSON/);
  });

  it('says when it cannot be fetched at all', async () => {
    const result = await loadConfig(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(!result.ok && result.problem).toMatch(/could not be loaded.*Failed to fetch/);
  });

  it('names the key path of an invalid value', async () => {
    const config = {
      vocabulary: {
        statuses: [
          { name: 'Open', type: 'open' },
          { name: 'Closed', type: 'closed' },
          { name: 'Paused', type: 'paused' },
        ],
      },
    };
    const result = await loadConfig(serve(200, JSON.stringify(config)).fetchImpl);
    expect(!result.ok && result.problem).toBe(
      'vocabulary.statuses[2].type: expected one of open, closed, stop-the-clock',
    );
  });

  it('names wrong types and empty strings', () => {
    expect(parseConfig({ modules: { tickets: 'x' } })).toEqual({
      ok: false,
      problem: 'modules.tickets: expected number',
    });
    expect(parseConfig({ apiBaseUrl: '' })).toEqual({ ok: false, problem: 'apiBaseUrl: must not be empty' });
    expect(parseConfig({ vocabulary: { technicians: [{ name: 'x' }] } })).toEqual({
      ok: false,
      problem: 'vocabulary.technicians[0].login: is required (string)',
    });
  });

  it('refuses a top level that is not an object', async () => {
    expect((await loadConfig(serve(200, '[1,2]').fetchImpl)).ok).toBe(false);
  });
});
