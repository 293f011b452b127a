import {
  ApiError,
  fallbackMessage,
  isHtmlText,
  messageFromBody,
  tryParseJson,
  kindFromStatus,
} from './api-error.ts';
import { apiUrl, resolveApiBaseUrl } from './api-url.ts';
import { tokenResponseSchema, type TokenResponse } from './wire.ts';

// The technician's session with the WebApi (decisions.md, Token; protocol-notes §1). Storage rules (issue 3):
// the access token, its expiry and the technician may live in sessionStorage so a reload keeps the session;
// the refresh token lives in memory only; the password is never kept; localStorage holds only the last group
// and login (not secrets, they prefill the form). Nothing goes to cookies or IndexedDB.

export interface SignInCredentials {
  group: string;
  login: string;
  password: string;
  /** Windows (WIA) logins only: composes GROUP\DOMAIN\user (protocol-notes §1.1). */
  domain?: string;
}

export interface Technician {
  login: string;
  group: string;
  firstName: string;
  lastName: string;
  email: string;
}

export type SessionStatus = 'signed-out' | 'signed-in' | 'needs-sign-in';

export interface SessionState {
  status: SessionStatus;
  /** Kept in 'needs-sign-in' so the sign-in dialog can name who must sign in again. */
  technician: Technician | null;
  /** Epoch ms when the access token expires; null without one. */
  expiresAt: number | null;
}

export interface LastSignIn {
  group: string;
  login: string;
  domain?: string;
}

export interface SessionOptions {
  /** config.json `apiBaseUrl`; relative values are resolved against the document. */
  apiBaseUrl: string;
  fetch?: typeof fetch;
  /** Defaults to window.sessionStorage; null keeps nothing across reloads. */
  sessionStorage?: Storage | null;
  /** Defaults to window.localStorage; used only for the last group and login. */
  localStorage?: Storage | null;
  /** Seconds before expiry at which the token is renewed; clamped to 60..120 (issue 3). Default 90. */
  renewLeadSeconds?: number;
  /** Time limit of a token or logout call, in ms. Default 20 s. */
  requestTimeoutMs?: number;
  now?: () => number;
}

export interface Session {
  readonly technician: Technician | null;
  getState(): SessionState;
  subscribe(listener: (state: SessionState) => void): () => void;
  /** Posts the password grant. Rejects with ApiError kind 'invalid-credentials', 'network', 'not-trackit', ... */
  signIn(credentials: SignInCredentials): Promise<Technician>;
  /** Best-effort GET /technicians/logout, then forgets the tokens and notifies subscribers. */
  signOut(): Promise<void>;
  getAccessToken(): string | null;
  /** The token for a new request: at once when signed in, after sign-in when 'needs-sign-in'. */
  tokenForRequest(): Promise<string>;
  /**
   * Called by the client on a 401 with the token that was refused. One token call however many requests ask
   * (single flight); if renewal fails the session goes to 'needs-sign-in' and this waits for the sign-in.
   */
  renewAfterUnauthorized(refusedToken: string): Promise<string>;
  /** Resolves when signed in (at once if already); rejects on sign-out or when another technician signs in. */
  whenSignedIn(): Promise<void>;
  lastSignIn(): LastSignIn | null;
  /** Stops the renewal timer (tests, teardown). */
  dispose(): void;
}

export const SESSION_STORAGE_KEY = 'trackit.session';
export const LAST_SIGN_IN_KEY = 'trackit.last-sign-in';
const DEFAULT_RENEW_LEAD_SECONDS = 90;
const RENEW_RETRY_MS = 15_000;

/**
 * protocol-notes §1.1: `GROUP\LOGIN` (both upper-cased: Track-It! compares them case-sensitively in capitals)
 * or, for Windows logins, `GROUP\DOMAIN\user` with the user part as typed. A login typed as `DOMAIN\user`
 * without a domain is treated as a Windows login.
 */
export function composeUsername(credentials: Pick<SignInCredentials, 'group' | 'login' | 'domain'>): string {
  const group = credentials.group.trim().toUpperCase();
  let login = credentials.login.trim();
  let domain = credentials.domain?.trim() ?? '';
  if (domain === '' && login.includes('\\')) {
    const cut = login.lastIndexOf('\\');
    domain = login.slice(0, cut).trim();
    login = login.slice(cut + 1).trim();
  }
  return domain === '' ? `${group}\\${login.toUpperCase()}` : `${group}\\${domain}\\${login}`;
}

function sameTechnician(a: Technician | null, b: Technician | null): boolean {
  if (!a || !b) return false;
  return a.login.toUpperCase() === b.login.toUpperCase() && a.group.toUpperCase() === b.group.toUpperCase();
}

function browserStorage(kind: 'sessionStorage' | 'localStorage'): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window[kind];
  } catch {
    // Some privacy modes throw on access; the session then simply does not survive a reload.
    return null;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

interface StoredSession {
  v: 1;
  apiBase: string;
  accessToken: string;
  expiresAt: number;
  issuedAt: number;
  technician: Technician;
}

function isTechnician(value: unknown): value is Technician {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['login', 'group', 'firstName', 'lastName', 'email'].every((key) => typeof record[key] === 'string');
}

function readStoredSession(storage: Storage | null, apiBase: string, now: number): StoredSession | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<StoredSession>;
    if (
      value.v === 1 &&
      value.apiBase === apiBase &&
      typeof value.accessToken === 'string' &&
      typeof value.expiresAt === 'number' &&
      typeof value.issuedAt === 'number' &&
      isTechnician(value.technician) &&
      value.expiresAt > now + 5_000
    ) {
      return value as StoredSession;
    }
  } catch {
    // A corrupt entry is ignored; the technician signs in again.
  }
  return null;
}

function readLastSignIn(storage: Storage | null): LastSignIn | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(LAST_SIGN_IN_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<LastSignIn>;
    if (typeof value.group !== 'string' || typeof value.login !== 'string') return null;
    return typeof value.domain === 'string' && value.domain !== ''
      ? { group: value.group, login: value.login, domain: value.domain }
      : { group: value.group, login: value.login };
  } catch {
    return null;
  }
}

export function createSession(options: SessionOptions): Session {
  const apiBase = resolveApiBaseUrl(options.apiBaseUrl);
  const fetchImpl =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const sessionStore =
    options.sessionStorage === undefined ? browserStorage('sessionStorage') : options.sessionStorage;
  const localStore =
    options.localStorage === undefined ? browserStorage('localStorage') : options.localStorage;
  const leadMs = Math.min(120, Math.max(60, options.renewLeadSeconds ?? DEFAULT_RENEW_LEAD_SECONDS)) * 1000;
  const timeoutMs = options.requestTimeoutMs ?? 20_000;
  const now = options.now ?? (() => Date.now());

  let status: SessionStatus = 'signed-out';
  let technician: Technician | null = null;
  let accessToken: string | null = null;
  let refreshToken: string | null = null;
  let expiresAt: number | null = null;
  let issuedAt: number | null = null;
  let state: SessionState = { status, technician, expiresAt };
  let renewTimer: ReturnType<typeof setTimeout> | null = null;
  let renewing: Promise<boolean> | null = null;
  const listeners = new Set<(state: SessionState) => void>();
  let waiters: { resolve: () => void; reject: (error: ApiError) => void }[] = [];

  const restored = readStoredSession(sessionStore, apiBase, now());
  if (restored) {
    status = 'signed-in';
    technician = restored.technician;
    accessToken = restored.accessToken;
    expiresAt = restored.expiresAt;
    issuedAt = restored.issuedAt;
    state = { status, technician, expiresAt };
  }

  function publish(): void {
    state = { status, technician, expiresAt };
    for (const listener of [...listeners]) listener(state);
  }

  function persist(): void {
    if (!sessionStore) return;
    try {
      if (status === 'signed-in' && accessToken && technician && expiresAt !== null && issuedAt !== null) {
        const stored: StoredSession = { v: 1, apiBase, accessToken, expiresAt, issuedAt, technician };
        sessionStore.setItem(SESSION_STORAGE_KEY, JSON.stringify(stored));
      } else {
        sessionStore.removeItem(SESSION_STORAGE_KEY);
      }
    } catch {
      // Storage full or blocked: the session still works until a reload.
    }
  }

  function clearTimer(): void {
    if (renewTimer !== null) clearTimeout(renewTimer);
    renewTimer = null;
  }

  function scheduleRenewal(delayMs?: number): void {
    clearTimer();
    if (status !== 'signed-in' || expiresAt === null) return;
    // A lifetime shorter than twice the lead (test servers, TRACKIT_TOKEN_TTL) renews at half-life instead,
    // so the timer never fires in a loop.
    const lifetime = expiresAt - (issuedAt ?? now());
    const lead = Math.min(leadMs, Math.max(0, lifetime / 2));
    const wait = delayMs ?? Math.max(0, expiresAt - lead - now());
    renewTimer = setTimeout(onRenewTimer, wait);
  }

  function onRenewTimer(): void {
    renewTimer = null;
    if (status !== 'signed-in') return;
    renewOnce().then(
      (renewed) => {
        if (!renewed) enterNeedsSignIn();
      },
      () => {
        // Server unreachable: try again shortly while the token still lives; a 401 later starts over.
        if (status === 'signed-in' && expiresAt !== null && now() < expiresAt)
          scheduleRenewal(RENEW_RETRY_MS);
      },
    );
  }

  function notTrackIt(url: string, status: number, detail: string): ApiError {
    return new ApiError(
      'not-trackit',
      `The server at ${apiBase} answered, but not as a Track-It! WebApi (${detail}). Check apiBaseUrl in config.json.`,
      { status, url },
    );
  }

  async function postToken(form: URLSearchParams): Promise<TokenResponse> {
    const url = apiUrl(apiBase, 'token');
    let response: Response;
    let text: string;
    try {
      const exchange = async (): Promise<[Response, string]> => {
        const res = await fetchImpl(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
          body: form.toString(),
          cache: 'no-store',
          credentials: 'same-origin',
        });
        return [res, await res.text()];
      };
      [response, text] = await withTimeout(
        exchange(),
        timeoutMs,
        () => new ApiError('network', `The Track-It! server at ${apiBase} did not answer in time.`, { url }),
      );
    } catch (cause) {
      if (cause instanceof ApiError) throw cause;
      throw new ApiError(
        'network',
        `The Track-It! server at ${apiBase} cannot be reached. Check the network connection and try again.`,
        { url, cause },
      );
    }
    const body = tryParseJson(text);
    if (response.ok) {
      if (body === undefined) throw notTrackIt(url, response.status, 'the sign-in answer is not JSON');
      const parsed = tokenResponseSchema.safeParse(body);
      if (!parsed.success) throw notTrackIt(url, response.status, 'the sign-in answer has no access token');
      return parsed.data;
    }
    // An IIS/proxy HTML page, or no /token route at all, means apiBaseUrl does not point at the WebApi.
    if (body === undefined || isHtmlText(text)) {
      throw notTrackIt(url, response.status, `HTTP ${response.status} with a non-JSON page`);
    }
    if (response.status === 404 || response.status === 405) {
      throw notTrackIt(url, response.status, `HTTP ${response.status} at /token`);
    }
    const errorCode =
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>).error : undefined;
    if (response.status === 400 && errorCode === 'invalid_grant') {
      const description = (body as Record<string, unknown>).error_description;
      const message =
        typeof description === 'string' && description.trim() !== ''
          ? description.trim()
          : fallbackMessage('invalid-credentials');
      throw new ApiError('invalid-credentials', message, { status: 400, url });
    }
    const kind = kindFromStatus(response.status);
    throw new ApiError(kind, messageFromBody(body, text) || fallbackMessage(kind), {
      status: response.status,
      url,
    });
  }

  function acceptToken(token: TokenResponse, fallback: Technician): void {
    const issued = now();
    const expiresFromHeader = token['.expires'] ? Date.parse(token['.expires']) : Number.NaN;
    const lifetimeMs =
      token.expires_in !== undefined
        ? token.expires_in * 1000
        : Number.isFinite(expiresFromHeader)
          ? Math.max(0, expiresFromHeader - Date.now())
          : 1799 * 1000;
    accessToken = token.access_token;
    refreshToken = token.refresh_token ?? refreshToken;
    issuedAt = issued;
    expiresAt = issued + lifetimeMs;
    technician = {
      login: token.username ?? fallback.login,
      group: token.usergroupname ?? fallback.group,
      firstName: token['First Name'] ?? fallback.firstName,
      lastName: token['Last Name'] ?? fallback.lastName,
      email: token['EMail Address'] ?? fallback.email,
    };
    status = 'signed-in';
    persist();
    scheduleRenewal();
  }

  function renewOnce(): Promise<boolean> {
    if (renewing) return renewing;
    const attempt = (async (): Promise<boolean> => {
      const token = refreshToken;
      const current = technician;
      if (!token || !current) return false;
      try {
        const response = await postToken(
          new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token }),
        );
        if (status !== 'signed-in' || refreshToken !== token) return false;
        acceptToken(response, current);
        publish();
        return true;
      } catch (error) {
        // Unreachable or failing server: not a reason to ask for the password; the caller sees the error.
        if (error instanceof ApiError && (error.kind === 'network' || error.kind === 'server')) throw error;
        return false;
      }
    })();
    renewing = attempt;
    const clear = (): void => {
      if (renewing === attempt) renewing = null;
    };
    attempt.then(clear, clear);
    return attempt;
  }

  function forgetTokens(): void {
    accessToken = null;
    refreshToken = null;
    expiresAt = null;
    issuedAt = null;
    clearTimer();
  }

  function enterNeedsSignIn(): void {
    if (status !== 'signed-in') return;
    forgetTokens();
    status = 'needs-sign-in';
    persist();
    publish();
  }

  function settleWaiters(error: ApiError | null): void {
    const pending = waiters;
    waiters = [];
    for (const waiter of pending) {
      if (error) waiter.reject(error);
      else waiter.resolve();
    }
  }

  function signedOutError(): ApiError {
    return new ApiError('unauthorized', fallbackMessage('unauthorized'), { status: 401 });
  }

  function whenSignedIn(): Promise<void> {
    if (status === 'signed-in') return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      waiters.push({ resolve, reject });
    });
  }

  function requireToken(): string {
    if (status === 'signed-in' && accessToken) return accessToken;
    throw signedOutError();
  }

  async function signIn(credentials: SignInCredentials): Promise<Technician> {
    const username = composeUsername(credentials);
    const form = new URLSearchParams({ grant_type: 'password', username, password: credentials.password });
    const response = await postToken(form);
    const parts = username.split('\\');
    const fallback: Technician = {
      login: parts.slice(1).join('\\'),
      group: parts[0] ?? '',
      firstName: '',
      lastName: '',
      email: '',
    };
    const previous = status === 'needs-sign-in' ? technician : null;
    acceptToken(response, fallback);
    rememberLastSignIn(credentials);
    publish();
    if (previous && !sameTechnician(previous, technician)) {
      // Requests made for someone else must not run as this technician.
      settleWaiters(new ApiError('unauthorized', 'Signed in as a different technician.', { status: 401 }));
    } else {
      settleWaiters(null);
    }
    return technician!;
  }

  function rememberLastSignIn(credentials: SignInCredentials): void {
    if (!localStore) return;
    const last: LastSignIn = { group: credentials.group.trim(), login: credentials.login.trim() };
    const domain = credentials.domain?.trim();
    if (domain) last.domain = domain;
    try {
      localStore.setItem(LAST_SIGN_IN_KEY, JSON.stringify(last));
    } catch {
      // Only a convenience.
    }
  }

  async function signOut(): Promise<void> {
    const token = accessToken;
    forgetTokens();
    status = 'signed-out';
    technician = null;
    persist();
    publish();
    settleWaiters(signedOutError());
    if (!token) return;
    const url = apiUrl(apiBase, 'technicians/logout');
    try {
      await withTimeout(
        fetchImpl(url, {
          method: 'GET',
          headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
        }),
        Math.min(timeoutMs, 5_000),
        () => new Error('logout timed out'),
      );
    } catch {
      // Best effort: the token is forgotten here whatever the server says.
    }
  }

  async function tokenForRequest(): Promise<string> {
    if (status === 'needs-sign-in') await whenSignedIn();
    return requireToken();
  }

  async function renewAfterUnauthorized(refusedToken: string): Promise<string> {
    if (status === 'signed-out') throw signedOutError();
    if (status === 'signed-in' && accessToken && accessToken !== refusedToken) return accessToken;
    if (status === 'signed-in') {
      const renewed = await renewOnce();
      if (renewed && status === 'signed-in' && accessToken) return accessToken;
      enterNeedsSignIn();
      // enterNeedsSignIn() is skipped when a sign-out raced the renewal.
      if ((status as SessionStatus) === 'signed-out') throw signedOutError();
    }
    await whenSignedIn();
    return requireToken();
  }

  if (restored) scheduleRenewal();

  return {
    get technician() {
      return technician;
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    signIn,
    signOut,
    getAccessToken: () => (status === 'signed-in' ? accessToken : null),
    tokenForRequest,
    renewAfterUnauthorized,
    whenSignedIn,
    lastSignIn: () => readLastSignIn(localStore),
    dispose: clearTimer,
  };
}
