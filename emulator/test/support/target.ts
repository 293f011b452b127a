// The server a contract test talks to. By default an in-process emulator (fast, resettable, with its store in
// reach). Against a real Track-It! server the same tests run over HTTP:
//   TRACKIT_URL=http://SERVER/TrackIt/WebApi TRACKIT_USER='HELP DESK\TECH1' TRACKIT_PASSWORD=... npm run test:contract
// Optional: TRACKIT_TICKET_ID (a ticket the user may read, default 101); TRACKIT_ALLOW_WRITES=1 to run the
// tests that write (they make their own scratch tickets where they can; the bad-input and error tests send
// refused writes to TRACKIT_TICKET_ID). Tests of emulator-only facts (seed, demo users, control plane, exact
// shapes) skip with a reason.
import { createTestEmulator } from '../../testing.ts';

export type TestEmulator = Awaited<ReturnType<typeof createTestEmulator>>;
export type Shape = 'observed' | 'doc';

export interface RemoteSettings {
  url: string;
  user: string;
  password: string;
  allowWrites: boolean;
  /** A ticket the user may see on the real server (TRACKIT_TICKET_ID, default 101). */
  ticketId: number;
}

export interface Target {
  kind: 'emulator' | 'remote';
  /** The envelope shape the server is known to emit; `unknown` for a real server (tests accept either). */
  shape: Shape | 'unknown';
  /** The WebApi base, without a trailing slash, e.g. `http://emulator.test/TrackIt/WebApi`. */
  baseUrl: string;
  fetch: typeof fetch;
  canWrite: boolean;
  /** The in-process emulator, or null against a real server. */
  emulator: TestEmulator | null;
  /** A ticket the default user may read (101 on the emulator). */
  ticketId: number;
  defaultUser: string;
  defaultPassword: string;
  /** Returns an access token for `user` (`GROUP\LOGIN`), default the target's own user. */
  signIn(user?: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export const demoPassword = 'welcome';
export const demoUsers = {
  tech: 'HELP DESK\\TECH1',
  viewer: 'HELP DESK\\VIEWER',
  field: 'FIELD SERVICES\\FIELD1',
  admin: 'SYSTEM ADMINISTRATION\\ADMIN',
} as const;

export function readRemoteSettings(env: NodeJS.ProcessEnv = process.env): RemoteSettings | null {
  const url = env.TRACKIT_URL?.trim();
  if (!url) return null;
  const user = env.TRACKIT_USER;
  const password = env.TRACKIT_PASSWORD;
  if (!user || password === undefined) {
    throw new Error('TRACKIT_URL is set, so TRACKIT_USER and TRACKIT_PASSWORD must be set too.');
  }
  const ticketId = Number(env.TRACKIT_TICKET_ID ?? '101');
  if (!Number.isInteger(ticketId) || ticketId <= 0) {
    throw new Error(`TRACKIT_TICKET_ID must be a positive integer, got '${env.TRACKIT_TICKET_ID ?? ''}'.`);
  }
  return {
    url: url.replace(/\/+$/, ''),
    user,
    password,
    allowWrites: env.TRACKIT_ALLOW_WRITES === '1',
    ticketId,
  };
}

export const remoteSettings = readRemoteSettings();
export const isRemote = remoteSettings !== null;

/** Why a test that needs the emulator's control plane, store or seed does not run against a real server. */
export const emulatorOnlyReason =
  'emulator only: needs the seed, the store or the control plane (TRACKIT_URL is set)';
export const readOnlyReason =
  'writes are off against a real server; set TRACKIT_ALLOW_WRITES=1 to run this test';

async function tokenFrom(
  fetchImpl: typeof fetch,
  baseUrl: string,
  user: string,
  password: string,
): Promise<string> {
  const response = await fetchImpl(`${baseUrl}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'password', username: user, password }).toString(),
  });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`sign-in as ${user} failed: ${response.status} ${text.slice(0, 200)}`);
  const body = JSON.parse(text) as { access_token?: unknown };
  if (typeof body.access_token !== 'string')
    throw new Error(`sign-in as ${user}: no access_token in ${text.slice(0, 200)}`);
  return body.access_token;
}

export interface EmulatorTargetOptions {
  shape?: Shape;
  seedTickets?: number;
  tokenTtlSeconds?: number;
  latencyMs?: number;
}

export async function createEmulatorTarget(options: EmulatorTargetOptions = {}): Promise<Target> {
  const shape = options.shape ?? 'observed';
  const emulator = await createTestEmulator({
    shape,
    seedTickets: options.seedTickets ?? 300,
    control: true,
    ...(options.tokenTtlSeconds === undefined ? {} : { tokenTtlSeconds: options.tokenTtlSeconds }),
    ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
  });
  return {
    kind: 'emulator',
    shape,
    baseUrl: emulator.baseUrl.replace(/\/+$/, ''),
    fetch: emulator.fetch,
    canWrite: true,
    emulator,
    ticketId: 101,
    defaultUser: demoUsers.tech,
    defaultPassword: demoPassword,
    signIn: (user = demoUsers.tech, password = demoPassword) =>
      tokenFrom(emulator.fetch, emulator.baseUrl, user, password),
    close: async () => {
      await emulator.close();
    },
  };
}

export function createRemoteTarget(settings: RemoteSettings): Target {
  const fetchImpl: typeof fetch = (input, init) => fetch(input, init);
  return {
    kind: 'remote',
    shape: 'unknown',
    baseUrl: settings.url,
    fetch: fetchImpl,
    canWrite: settings.allowWrites,
    emulator: null,
    ticketId: settings.ticketId,
    defaultUser: settings.user,
    defaultPassword: settings.password,
    signIn: (user = settings.user, password = settings.password) =>
      tokenFrom(fetchImpl, settings.url, user, password),
    close: async () => {},
  };
}

/**
 * The target for a test file: the real server when TRACKIT_URL is set, else an in-process emulator in `shape`.
 * Against a real server the shape asked for is irrelevant (the server has its own), so callers that loop over
 * shapes should use `targetShapes()` to run once.
 */
export async function createTarget(options: EmulatorTargetOptions = {}): Promise<Target> {
  return remoteSettings ? createRemoteTarget(remoteSettings) : createEmulatorTarget(options);
}

export interface ShapeCase {
  /** For test titles: "observed shape", "doc shape" or "real server". */
  label: string;
  /** The emulator's shape; ignored against a real server, which has its own. */
  shape: Shape;
}

/** The cases to run shape-parametrised suites in: both shapes on the emulator, once against a real server. */
export function targetShapes(): ShapeCase[] {
  if (isRemote) return [{ label: 'real server', shape: 'observed' }];
  return [
    { label: 'observed shape', shape: 'observed' },
    { label: 'doc shape', shape: 'doc' },
  ];
}

/** The emulator of a target, for tests that skip remotely; throws if called against a real server. */
export function emulatorOf(target: Target): TestEmulator {
  if (!target.emulator) throw new Error(emulatorOnlyReason);
  return target.emulator;
}
