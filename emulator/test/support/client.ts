// A thin HTTP helper over a target: every call returns status, raw text and the parsed JSON (or undefined).
import type { Target } from './target.ts';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
}

/** A body sent as-is (no JSON encoding), with its own content type (or none). */
export interface RawBody {
  raw: string;
  contentType?: string | null;
}

export interface CallOptions {
  /** A JSON value, or `{ raw }` for bytes sent verbatim. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Override the token; `null` sends no Authorization header. */
  token?: string | null;
  query?: Record<string, string | number | boolean>;
}

function isRawBody(body: unknown): body is RawBody {
  return typeof body === 'object' && body !== null && 'raw' in body;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export interface Client {
  token: string | null;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  get(path: string, options?: CallOptions): Promise<Reply>;
  post(path: string, body?: unknown, options?: CallOptions): Promise<Reply>;
}

/**
 * A client for `target` with `token` (or none). `path` is relative to the WebApi base (`/tickets/101`), or an
 * absolute path starting with `//` relative to the origin (`//TrackIt/WebAPI/Tickets/101`, `//__emulator/reset`).
 */
export function createClient(target: Target, token: string | null): Client {
  const origin = new URL(target.baseUrl).origin;
  const urlFor = (path: string, query?: CallOptions['query']): string => {
    const base = path.startsWith('//') ? `${origin}${path.slice(1)}` : `${target.baseUrl}${path}`;
    if (!query) return base;
    const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    return `${base}${base.includes('?') ? '&' : '?'}${params.toString()}`;
  };
  const client: Client = {
    token,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { Accept: 'application/json' };
      const useToken = options.token === undefined ? client.token : options.token;
      if (useToken !== null) headers.Authorization = `Bearer ${useToken}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        if (isRawBody(options.body)) {
          body = options.body.raw;
          if (options.body.contentType !== null)
            headers['Content-Type'] = options.body.contentType ?? 'application/json';
        } else {
          body = JSON.stringify(options.body);
          headers['Content-Type'] = 'application/json';
        }
      }
      Object.assign(headers, options.headers);
      const response = await target.fetch(urlFor(path, options.query), { method, headers, body });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text, json: parseJson(text) };
    },
    get: (path, options) => client.call('GET', path, options),
    post: (path, body, options) => client.call('POST', path, { ...options, body }),
  };
  return client;
}

/** Signs in as `user` (default the target's) and returns a client carrying the token. */
export async function signedInClient(target: Target, user?: string, password?: string): Promise<Client> {
  return createClient(target, await target.signIn(user, password));
}
