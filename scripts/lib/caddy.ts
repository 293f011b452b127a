// Runs Debian's caddy on loopback with deploy/Caddyfile, its two sites templated to two local ports.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../e2e/support/emulator-process.ts';
import { repoRoot } from './dist.ts';

export function findCaddy(): string | undefined {
  return [process.env.CADDY_PATH, '/usr/bin/caddy', '/usr/local/bin/caddy'].find(
    (candidate) => candidate && existsSync(candidate),
  );
}

export interface RunningCaddy {
  /** The site serving the app at / */
  rootOrigin: string;
  /** The site serving the app at /helpdesk/ */
  subPathOrigin: string;
  stop(): Promise<void>;
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from))
    throw new Error(`deploy/Caddyfile no longer contains "${from}": update scripts/lib/caddy.ts`);
  return text.split(from).join(to);
}

export async function startCaddy(options: {
  caddy: string;
  distDir: string;
  upstreamOrigin: string;
}): Promise<RunningCaddy> {
  const prefix = await mkdtemp(path.join(tmpdir(), 'trackit-caddy-'));
  const [rootPort, subPathPort] = [await freePort(), await freePort()];
  let config = await readFile(path.join(repoRoot, 'deploy', 'Caddyfile'), 'utf8');
  config = replaceOnce(config, 'helpdesk.example.org {', `http://127.0.0.1:${rootPort} {`);
  config = replaceOnce(config, 'intranet.example.org {', `http://127.0.0.1:${subPathPort} {`);
  config = replaceOnce(config, '/var/www/trackit-helpdesk', options.distDir);
  config = replaceOnce(config, 'http://trackit.example.internal', options.upstreamOrigin);
  // No admin endpoint and no certificates on a test machine.
  config = `{\n\tadmin off\n\tauto_https off\n}\n\n${config}`;
  const file = path.join(prefix, 'Caddyfile');
  await writeFile(file, config);

  const env = { ...process.env, XDG_DATA_HOME: prefix, XDG_CONFIG_HOME: prefix, HOME: prefix };
  const child = spawn(options.caddy, ['run', '--config', file, '--adapter', 'caddyfile'], {
    env,
    stdio: 'pipe',
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const rootOrigin = `http://127.0.0.1:${rootPort}`;
  const subPathOrigin = `http://127.0.0.1:${subPathPort}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`caddy exited with ${child.exitCode}:\n${output}`);
    try {
      await fetch(`${rootOrigin}/`, { redirect: 'manual' });
      await fetch(`${subPathOrigin}/`, { redirect: 'manual' });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`caddy did not answer:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    rootOrigin,
    subPathOrigin,
    stop: async () => {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        });
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
