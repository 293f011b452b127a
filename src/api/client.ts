import ky, { HTTPError, TimeoutError } from 'ky';
import type { AppConfig } from '../config/config-schema.ts';
import { ApiError, errorFromStatus, tryParseJson } from './api-error.ts';
import { resolveApiBaseUrl } from './api-url.ts';
import type { Session } from './session.ts';

// The only HTTP client of the app. Retry policy (architecture.md, Server state): GETs are retried here with
// backoff on network errors and 5xx; POSTs never (AddNote is not idempotent). React Query's own retry is
// turned off for ApiErrors (see queries.ts) so the two never multiply. A 401 is handled once per request:
// the session renews (single flight) and the request is sent again with the new token.

export type SearchParams = Record<string, string | number | boolean>;

export interface RequestOptions {
  searchParams?: SearchParams;
  signal?: AbortSignal;
}

export interface PostOptions extends RequestOptions {
  /** Sent as JSON. Omitted = no body. */
  json?: unknown;
}

export interface ApiClient {
  /** Absolute WebApi base ending in a slash. */
  readonly baseUrl: string;
  /** GET `path` (relative to the base, no leading slash); resolves to the parsed JSON body (null if empty). */
  get(path: string, options?: RequestOptions): Promise<unknown>;
  /** POST `path`; resolves to the parsed JSON body (null if empty). */
  post(path: string, options?: PostOptions): Promise<unknown>;
}

export interface ApiClientOptions {
  /** A fetch to use instead of the global one (tests pass the in-process emulator's). */
  fetch?: typeof fetch;
  /** Per attempt, in ms. Default 20 s. */
  timeoutMs?: number;
  /** Retries of a GET after a network error or 5xx. Default 2. */
  retryLimit?: number;
  /** Delay before retry n (1-based), in ms. Default 300 ms doubling, at most 3 s. */
  retryDelayMs?: (attempt: number) => number;
}

type Method = 'get' | 'post';

interface Exchange {
  status: number;
  ok: boolean;
  text: string;
  url: string;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export function createApiClient(
  config: Pick<AppConfig, 'apiBaseUrl'>,
  session: Session,
  options: ApiClientOptions = {},
): ApiClient {
  const baseUrl = resolveApiBaseUrl(config.apiBaseUrl);
  const http = ky.create({
    prefixUrl: baseUrl,
    headers: { Accept: 'application/json' },
    timeout: options.timeoutMs ?? 20_000,
    retry: {
      limit: options.retryLimit ?? 2,
      methods: ['get'],
      statusCodes: [500, 502, 503, 504],
      afterStatusCodes: [503],
      maxRetryAfter: 5_000,
      delay: options.retryDelayMs ?? ((attempt) => Math.min(3_000, 300 * 2 ** (attempt - 1))),
    },
    cache: 'no-store',
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  async function exchange(
    method: Method,
    path: string,
    token: string,
    request: PostOptions,
  ): Promise<Exchange> {
    const url = baseUrl + path;
    try {
      const response = await http(path, {
        method,
        // decisions.md, Token / protocol-notes §5 #10: `Bearer <token>`, never the doc page's `access_token:"…"`.
        headers: { Authorization: `Bearer ${token}` },
        ...(request.searchParams ? { searchParams: request.searchParams } : {}),
        ...(request.json !== undefined ? { json: request.json } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
      return { status: response.status, ok: true, text: await readText(response, url), url };
    } catch (error) {
      if (error instanceof HTTPError) {
        const response = error.response;
        return { status: response.status, ok: false, text: await readText(response, url), url };
      }
      if (error instanceof ApiError || isAbort(error)) throw error;
      if (error instanceof TimeoutError) {
        throw new ApiError('network', 'The Track-It! server did not answer in time.', { url, cause: error });
      }
      throw new ApiError('network', 'The Track-It! server cannot be reached. Check the network connection.', {
        url,
        cause: error,
      });
    }
  }

  async function send(method: Method, path: string, request: PostOptions): Promise<unknown> {
    const cleanPath = path.replace(/^\/+/, '');
    let token = await session.tokenForRequest();
    let result = await exchange(method, cleanPath, token, request);
    if (result.status === 401) {
      // Single flight: however many requests see a 401, the session makes one token call (issue 3).
      token = await session.renewAfterUnauthorized(token);
      result = await exchange(method, cleanPath, token, request);
    }
    if (!result.ok) throw errorFromStatus(result.status, result.text, result.url);
    if (result.text.trim() === '') return null;
    const body = tryParseJson(result.text);
    if (body === undefined) {
      throw new ApiError('malformed', 'The server sent a response that is not JSON.', {
        status: result.status,
        url: result.url,
      });
    }
    return body;
  }

  return {
    baseUrl,
    get: (path, request = {}) => send('get', path, request),
    post: (path, request = {}) => send('post', path, request),
  };
}

async function readText(response: Response, url: string): Promise<string> {
  try {
    return await response.text();
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    // The connection dropped while the body was arriving.
    throw new ApiError('network', 'The connection to the Track-It! server was lost.', { url, cause });
  }
}
