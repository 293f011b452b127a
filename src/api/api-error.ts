// Every failure the API layer reports is an ApiError, so screens can choose a state by `kind` and show
// `message` as text. Statuses are not trusted to mean one thing (decisions.md: "never assume one status for
// not found"), so `kind` is derived from the status class and the body together.

export type ApiErrorKind =
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'server'
  | 'malformed'
  | 'not-trackit'
  /** Added by the API layer: 400 `invalid_grant` at `/token` (decisions.md, Errors). */
  | 'invalid-credentials';

export interface ApiErrorOptions {
  status?: number;
  url?: string;
  cause?: unknown;
}

export class ApiError extends Error {
  /** HTTP status; 0 when no response arrived (network failure, timeout). */
  readonly status: number;
  readonly kind: ApiErrorKind;
  readonly url: string | undefined;

  constructor(kind: ApiErrorKind, message: string, options: ApiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.status = options.status ?? 0;
    this.url = options.url;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** How much raw text (an HTML error page, a proxy message) a message may carry. */
export const RAW_MESSAGE_LIMIT = 200;

const MESSAGE_KEYS = ['Message', 'ExceptionMessage', 'error_description', 'error', 'message'] as const;

function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html|head|body|\?xml|title|div|p|h1)\b/i.test(text);
}

/** Readable text of an HTML page: its <title>, else its tags removed. Shown as text only, never as HTML. */
function textOfHtml(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const source = title && title.trim() !== '' ? title : html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ');
  return source
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

function cutShort(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > RAW_MESSAGE_LIMIT ? `${flat.slice(0, RAW_MESSAGE_LIMIT - 1)}…` : flat;
}

/**
 * The message of an error body (decisions.md, Errors): the first non-empty string of `Message`,
 * `ExceptionMessage`, `error_description`, `error`, `message`; else the raw text, cut short.
 */
export function messageFromBody(body: unknown, rawText: string): string {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const record = body as Record<string, unknown>;
    for (const key of MESSAGE_KEYS) {
      const value = record[key];
      if (typeof value === 'string' && value.trim() !== '') return cutLong(value.trim());
    }
  }
  if (typeof body === 'string' && body.trim() !== '') return cutShort(body);
  const text = looksLikeHtml(rawText) ? textOfHtml(rawText) : rawText;
  return cutShort(text);
}

/** Server messages are shown whole unless absurdly long. */
function cutLong(text: string): string {
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
}

export function kindFromStatus(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status >= 500) return 'server';
  if (status === 0) return 'network';
  return 'bad-request';
}

const FALLBACK_MESSAGES: Record<ApiErrorKind, string> = {
  network: 'The Track-It! server cannot be reached.',
  unauthorized: 'Your session has ended. Sign in again.',
  forbidden: 'You do not have permission to do this.',
  'not-found': 'It was not found.',
  'bad-request': 'The server refused the request.',
  server: 'The server had a problem with the request.',
  malformed: 'The server sent a response that could not be read.',
  'not-trackit': 'The server did not answer as a Track-It! WebApi.',
  'invalid-credentials': 'The group, login ID or password is incorrect.',
};

export function fallbackMessage(kind: ApiErrorKind): string {
  return FALLBACK_MESSAGES[kind];
}

/** Parses a body as JSON without throwing; `undefined` when it is not JSON. */
export function tryParseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The ApiError of a non-2xx response whose body has already been read as text. */
export function errorFromStatus(status: number, rawText: string, url?: string): ApiError {
  const kind = kindFromStatus(status);
  const message = messageFromBody(tryParseJson(rawText), rawText) || fallbackMessage(kind);
  return new ApiError(kind, message, { status, url });
}

export function isHtmlText(text: string): boolean {
  return looksLikeHtml(text);
}

/** What a failure was, for a screen or a stored record: an ApiError's kind and message, or `unknown`. */
export interface Failure {
  kind: ApiErrorKind | 'unknown';
  message: string;
}

export function failureOf(error: unknown): Failure {
  if (isApiError(error)) return { kind: error.kind, message: error.message };
  return { kind: 'unknown', message: error instanceof Error ? error.message : String(error) };
}
