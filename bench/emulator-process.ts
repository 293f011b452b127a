// Runs the emulator as a separate process (as `npm run emulator` does), optionally pinned to one core, and
// tells when it answers.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { buildEmulator } from '../scripts/build-emulator.mjs';

export const projectRoot = resolve(import.meta.dirname, '..');

export function hasTaskset(): boolean {
  return spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Moves this (the load generator's) process off core 0, where the emulator runs, when there is another core. */
export function pinSelfAwayFromCoreZero(): string {
  const cores = availableParallelism();
  if (!hasTaskset() || cores < 2) return 'load generator not pinned';
  const list = cores === 2 ? '1' : `1-${cores - 1}`;
  const done =
    spawnSync('taskset', ['-a', '-pc', list, String(process.pid)], { stdio: 'ignore' }).status === 0;
  return done ? `load generator pinned to core(s) ${list}` : 'load generator not pinned (taskset failed)';
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningEmulator {
  pid: number;
  origin: string;
  baseUrl: string;
  /** Milliseconds from spawn until the WebApi answered. */
  readyMs: number;
  pinned: boolean;
  /** The database's own start-up time as the emulator logs it ("ready in N ms"), if it does. */
  databaseReadyMs: number | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  db: string;
  seedTickets?: number;
  pinToCoreZero?: boolean;
  timeoutMs?: number;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.status === 401 || response.status === 200;
  } catch {
    return false;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolveStop) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolveStop();
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Spawns the emulator as `npm run emulator` does (the esbuild bundle, plain `node`, one process) and waits until
 * it answers. The bundle is built before the clock starts: the bench times the emulator, not the compiler.
 */
export async function startEmulator(options: StartOptions): Promise<RunningEmulator> {
  const bundle = await buildEmulator();
  const port = await freePort();
  const pinned = (options.pinToCoreZero ?? true) && hasTaskset();
  const nodeArgs = [bundle];
  const [command, args] = pinned
    ? ['taskset', ['-c', '0', process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: String(port),
      TRACKIT_DB: options.db,
      TRACKIT_SEED_TICKETS: String(options.seedTickets ?? 5000),
      TRACKIT_CONTROL: '0',
      TRACKIT_LATENCY_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const baseUrl = `${origin}/TrackIt/WebApi`;
  const deadline = started + (options.timeoutMs ?? 60_000);
  while (!(await answers(`${baseUrl}/tickets/Templates`))) {
    if (child.exitCode !== null)
      throw new Error(`the emulator exited with ${child.exitCode}: ${output.slice(-2000)}`);
    if (performance.now() > deadline) {
      await stopChild(child);
      throw new Error(
        `the emulator did not answer within ${options.timeoutMs ?? 60_000} ms: ${output.slice(-2000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - started;
  const logged = /ready in (\d+(?:\.\d+)?) ?ms/i.exec(output);
  return {
    pid: child.pid ?? 0,
    origin,
    baseUrl,
    readyMs,
    pinned,
    databaseReadyMs: logged ? Number(logged[1]) : null,
    stop: () => stopChild(child),
  };
}

export async function signIn(baseUrl: string, username: string, password = 'welcome'): Promise<string> {
  const response = await fetch(`${baseUrl}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password }).toString(),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`sign-in as ${username} failed: ${response.status}`);
  return body.access_token;
}

let clockTicks: number | null = null;

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. With other work on
 * the machine, requests per emulator CPU second says what one core of its own would serve.
 */
export function cpuSeconds(pid: number): number | null {
  try {
    clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return null;
  }
}
