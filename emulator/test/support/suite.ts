// Vitest glue: one target per suite, signed-in clients cached per user, and test kinds that skip with a reason
// against a real server (emulator-only facts; writes unless TRACKIT_ALLOW_WRITES=1).
import { afterAll, beforeAll, it, type TestContext } from 'vitest';
import { createClient, type Client } from './client.ts';
import {
  createTarget,
  emulatorOnlyReason,
  isRemote,
  readOnlyReason,
  remoteSettings,
  type EmulatorTargetOptions,
  type Target,
} from './target.ts';

export const writesAllowed = !isRemote || remoteSettings?.allowWrites === true;

export interface SuiteTarget {
  readonly target: Target;
  /** A client signed in as `user` (default the target's user); tokens are cached per user. */
  client(user?: string): Promise<Client>;
  /** A client with no token. */
  anonymous(): Client;
  /** Forgets cached tokens (after a reset, logout or expiry). */
  forgetTokens(): void;
}

/** Creates the suite's target in `beforeAll` and closes it in `afterAll`. */
export function useTarget(options: EmulatorTargetOptions = {}): SuiteTarget {
  let current: Target | null = null;
  const tokens = new Map<string, Promise<string>>();
  beforeAll(async () => {
    current = await createTarget(options);
  });
  afterAll(async () => {
    await current?.close();
  });
  const suite: SuiteTarget = {
    get target() {
      if (!current) throw new Error('the target is created in beforeAll');
      return current;
    },
    async client(user) {
      const target = suite.target;
      const key = user ?? target.defaultUser;
      let token = tokens.get(key);
      if (!token) {
        token = target.signIn(key, user === undefined ? target.defaultPassword : undefined);
        tokens.set(key, token);
        token.catch(() => tokens.delete(key));
      }
      return createClient(target, await token);
    },
    anonymous: () => createClient(suite.target, null),
    forgetTokens: () => tokens.clear(),
  };
  return suite;
}

type Body = (context: TestContext) => Promise<void> | void;

interface TestOptions {
  /** Temporarily marks a test that fails because of an emulator bug listed in /work/notes/emulator-bugs.md. */
  fails?: boolean;
  timeout?: number;
}

function define(name: string, body: Body, skipReason: string | null, options: TestOptions): void {
  const run = async (context: TestContext) => {
    if (skipReason !== null) context.skip(skipReason);
    await body(context);
  };
  if (options.fails) it.fails(name, run, options.timeout);
  else it(name, run, options.timeout);
}

/** A read-only test that runs against any target. */
export function readTest(name: string, body: Body, options: TestOptions = {}): void {
  define(name, body, null, options);
}

/** A test that writes: skipped against a real server unless TRACKIT_ALLOW_WRITES=1. */
export function writeTest(name: string, body: Body, options: TestOptions = {}): void {
  define(name, body, writesAllowed ? null : readOnlyReason, options);
}

/** A test of emulator-only facts (seed data, demo users, control plane, exact shapes): skipped remotely. */
export function emulatorTest(name: string, body: Body, options: TestOptions = {}): void {
  define(name, body, isRemote ? emulatorOnlyReason : null, options);
}
