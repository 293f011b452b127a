// Runs Debian's nginx on loopback with a recipe from deploy/, templated to a temporary prefix.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../e2e/support/emulator-process.ts';
import { repoRoot } from './dist.ts';

export function findNginx(): string | undefined {
  return [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find(
    (candidate) => candidate && existsSync(candidate),
  );
}

export interface RunningNginx {
  origin: string;
  stop(): Promise<void>;
  errorLog(): Promise<string>;
}

function replaceOnce(text: string, from: string, to: string, recipe: string): string {
  if (!text.includes(from))
    throw new Error(`${recipe} no longer contains "${from}": update scripts/lib/nginx.ts`);
  return text.split(from).join(to);
}

/**
 * Starts nginx with deploy/<recipe>: its listen address, web root and upstream replaced by loopback ones.
 * `nginx.conf` serves `distDir` at /; `nginx-subpath.conf` serves it at /helpdesk/.
 */
export async function startNginx(options: {
  nginx: string;
  recipe: 'nginx.conf' | 'nginx-subpath.conf';
  distDir: string;
  upstreamOrigin: string;
}): Promise<RunningNginx> {
  const prefix = await mkdtemp(path.join(tmpdir(), 'trackit-nginx-'));
  const port = await freePort();
  let site = await readFile(path.join(repoRoot, 'deploy', options.recipe), 'utf8');
  site = replaceOnce(site, 'listen 80;', `listen 127.0.0.1:${port};`, options.recipe);
  site = replaceOnce(site, 'http://trackit.example.internal', options.upstreamOrigin, options.recipe);
  if (options.recipe === 'nginx.conf') {
    site = replaceOnce(site, '/var/www/trackit-helpdesk', options.distDir, options.recipe);
  } else {
    const www = path.join(prefix, 'www');
    await mkdir(www);
    await symlink(options.distDir, path.join(www, 'helpdesk'), 'dir');
    site = replaceOnce(site, '/var/www/html', www, options.recipe);
  }
  await writeFile(path.join(prefix, 'site.conf'), site);
  const temp = (name: string) => path.join(prefix, name);
  const main = [
    // Workers run as root here because the temporary folders are root's alone (mkdtemp is 0700).
    process.getuid?.() === 0 ? 'user root;' : '',
    'worker_processes 1;',
    'daemon off;',
    `pid ${temp('nginx.pid')};`,
    `error_log ${temp('error.log')} warn;`,
    'events { worker_connections 64; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    `  access_log ${temp('access.log')};`,
    `  client_body_temp_path ${temp('client_body')};`,
    `  proxy_temp_path ${temp('proxy')};`,
    `  fastcgi_temp_path ${temp('fastcgi')};`,
    `  uwsgi_temp_path ${temp('uwsgi')};`,
    `  scgi_temp_path ${temp('scgi')};`,
    `  include ${temp('site.conf')};`,
    '}',
  ].join('\n');
  await writeFile(temp('nginx.conf'), main);

  const check = spawn(options.nginx, ['-t', '-p', prefix, '-c', temp('nginx.conf')], { stdio: 'pipe' });
  let checkOutput = '';
  check.stderr.on('data', (chunk: Buffer) => (checkOutput += chunk.toString()));
  const checkCode = await new Promise<number | null>((resolve) => check.on('exit', resolve));
  if (checkCode !== 0) throw new Error(`nginx -t rejected deploy/${options.recipe}:\n${checkOutput}`);

  const child = spawn(options.nginx, ['-p', prefix, '-c', temp('nginx.conf')], { stdio: 'pipe' });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${output}`);
    try {
      await fetch(`${origin}/`, { redirect: 'manual' });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on ${origin}: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    origin,
    errorLog: () => readFile(temp('error.log'), 'utf8').catch(() => ''),
    stop: async () => {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGQUIT');
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        });
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
