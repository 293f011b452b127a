import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Where the app is served: origin + appBase, always ending in `/`. */
  appUrl: string;
  stop(): Promise<void>;
  /** What the emulator printed, for the error message when it does not come up. */
  output(): string;
}

export interface StartEmulatorOptions {
  appBase?: string;
  /** The built app to serve (default dist/); `false` for the WebApi alone, as behind a reverse proxy. */
  appDir?: string | false;
  seedTickets?: number;
  env?: NodeJS.ProcessEnv;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  accept: (status: number) => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`emulator exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (accept(response.status)) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`emulator did not serve ${url} within ${timeoutMs} ms (${lastError})`);
}

/** Starts `tsx emulator/main.ts --app dist` the way `npm start` does, with the control plane on. */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const appBase = options.appBase ?? '/';
  // E2E_APP_DIR runs the journeys against another build (a release candidate, or a private copy while other
  // work rebuilds dist/).
  const appDir = options.appDir ?? process.env.E2E_APP_DIR ?? path.join(repoRoot, 'dist');
  if (appDir !== false && !existsSync(path.join(appDir, 'index.html'))) {
    throw new Error(`${appDir}/index.html is missing: run \`npm run build\` first (npm run test:e2e does).`);
  }
  const port = await freePort();
  const args = [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'emulator/main.ts'];
  if (appDir !== false) args.push('--app', appDir);
  if (appDir !== false && appBase !== '/') args.push('--app-base', appBase);
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      TRACKIT_CONTROL: '1',
      TRACKIT_DB: ':memory:',
      TRACKIT_SEED_TICKETS: String(options.seedTickets ?? 500),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const origin = `http://127.0.0.1:${port}`;
  const appUrl = origin + appBase;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  };
  try {
    if (appDir === false) {
      // Any HTTP answer from the WebApi (its token endpoint refuses a GET) means it is listening.
      await waitUntilServing(`${origin}/TrackIt/WebApi/token`, child, 30_000, () => true);
    } else {
      await waitUntilServing(`${appUrl}config.json`, child, 30_000, (status) => status === 200);
    }
  } catch (error) {
    await stop();
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\n--- emulator output ---\n${output}`,
    );
  }
  return { origin, appUrl, stop, output: () => output };
}
