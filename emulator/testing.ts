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
    let request: Request;
    if (input instanceof Request) {
      request = init ? new Request(input, init) : input;
    } else {
      const url = new URL(String(input), `${ORIGIN}/`);
      request = new Request(url, init);
    }
    const response = await app.request(request);
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
