import type * as z from 'zod/mini';
import { configSchema, type AppConfig } from './config-schema.ts';

// config.json beside index.html (issue 3, Runtime configuration): one build serves every site. Every way it
// can be wrong ends in a `problem` that names the key, for the start-up error page.

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problem: string };

type FetchLike = (input: URL | string, init?: RequestInit) => Promise<Response>;

/** `vocabulary.statuses[2].type` */
export function formatConfigPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(the whole file)' : out;
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The raw value at an issue's path (zod does not report inputs by default). */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current = raw;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  switch (issue.code) {
    case 'invalid_value':
      return `expected one of ${issue.values.map(describeValue).join(', ')}`;
    case 'invalid_type':
      return valueAt(raw, issue.path) === undefined
        ? `is required (${issue.expected})`
        : `expected ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : issue.message.replace(/^Too small: /, '');
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

export function describeConfigProblems(error: z.core.$ZodError, raw: unknown): string {
  const lines = error.issues
    .slice(0, 5)
    .map((issue) => `${formatConfigPath(issue.path)}: ${describeIssue(issue, raw)}`);
  const more = error.issues.length - lines.length;
  return more > 0 ? `${lines.join('; ')}; and ${more} more` : lines.join('; ');
}

export function parseConfig(raw: unknown): ConfigResult {
  const result = configSchema.safeParse(raw);
  if (!result.success) return { ok: false, problem: describeConfigProblems(result.error, raw) };
  try {
    // apiBaseUrl is resolved against the document later; here it only has to be a usable URL or path.
    new URL(result.data.apiBaseUrl, 'http://localhost/');
  } catch {
    return { ok: false, problem: 'apiBaseUrl: expected a URL or a path such as /TrackIt/WebApi' };
  }
  return { ok: true, config: result.data };
}

function documentBase(): string {
  return typeof document === 'undefined' ? 'http://localhost/' : document.baseURI;
}

/** Fetches `config.json` relative to the document (never cached) and validates it. Never throws. */
export async function loadConfig(fetchImpl?: FetchLike): Promise<ConfigResult> {
  const doFetch: FetchLike = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  const url = new URL('config.json', documentBase());
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
    text = await response.text();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, problem: `config.json could not be loaded from ${url.href} (${reason}).` };
  }
  if (response.status === 404) {
    return { ok: false, problem: `config.json is missing: ${url.href} answered 404 Not Found.` };
  }
  if (!response.ok) {
    return {
      ok: false,
      problem: `config.json could not be loaded: ${url.href} answered HTTP ${response.status}.`,
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : 'syntax error';
    return { ok: false, problem: `config.json is not valid JSON (${reason}).` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problem: 'config.json: expected an object at the top level.' };
  }
  return parseConfig(raw);
}
