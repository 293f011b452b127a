// An in-process emulator for tests: an in-memory store, the Hono app, and a `fetch` that calls app.request()
// without a socket (interfaces.md, "Emulator").
import { DROP_HEADER, createApp } from './app.ts';
import type { EmulatorApp } from './app.ts';
import type { Shape } from './settings.ts';
import type { Store } from './store.ts';
import { openStore } from './store.ts';

export interface TestEmulatorOptions {
  readonly shape?: Shape;
  readonly seedTickets?: number;
  readonly control?: boolean;
  readonly tokenTtlSeconds?: number;
  readonly latencyMs?: number;
}

export interface TestEmulator {
  readonly app: EmulatorApp;
  readonly store: Store;
  readonly fetch: typeof fetch;
  readonly baseUrl: string;
  signIn(user?: string, password?: string): Promise<string>;
  close(): void;
}

const ORIGIN = 'http://emulator.test';

export function createTestEmulator(options: TestEmulatorOptions = {}): TestEmulator {
  const store = openStore({ path: ':memory:', seedTickets: options.seedTickets ?? 300 });
  const app = createApp(store, {
    shape: options.shape ?? 'observed',
    tokenTtlSeconds: options.tokenTtlSeconds ?? 1799,
    latencyMs: options.latencyMs ?? 0,
    control: options.control ?? true,
  });

  const inProcessFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // The caller's AbortSignal is watched here and never handed to the Request: under jsdom it is jsdom's own
    // AbortSignal class, which Node's Request refuses.
    const source = input instanceof Request ? input : null;
    const url = new URL(source ? source.url : String(input), `${ORIGIN}/`);
    const method = (init?.method ?? source?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers ?? source?.headers);
    let body: BodyInit | null | undefined = init?.body;
    if (body === undefined && source && method !== 'GET' && method !== 'HEAD')
      body = await source.arrayBuffer();
    const signal = init?.signal ?? source?.signal ?? null;
    const abortError = (): unknown =>
      signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
    if (signal?.aborted) throw abortError();
    const request = new Request(url, { method, headers, body: body ?? null });
    const response = await new Promise<Response>((resolve, reject) => {
      const onAbort = (): void => reject(abortError());
      signal?.addEventListener('abort', onAbort, { once: true });
      Promise.resolve(app.request(request)).then(
        (r) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(r);
        },
        (error: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
    // A dropped connection looks like a network failure to the caller, as in a browser.
    if (response.headers.has(DROP_HEADER)) throw new TypeError('fetch failed');
    return response;
  };

  const baseUrl = `${ORIGIN}/TrackIt/WebApi`;
  return {
    app,
    store,
    fetch: inProcessFetch as typeof fetch,
    baseUrl,
    async signIn(user = 'HELP DESK\\TECH1', password = 'welcome') {
      const response = await inProcessFetch(`${baseUrl}/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', username: user, password }).toString(),
      });
      const body = (await response.json()) as { access_token?: string; error_description?: string };
      if (!response.ok || !body.access_token) {
        throw new Error(`Sign-in as ${user} failed: ${response.status} ${body.error_description ?? ''}`);
      }
      return body.access_token;
    },
    close() {
      store.close();
    },
  };
}
