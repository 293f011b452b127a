// Builds of the app for the deployment checks: the repo's own dist/ (rebuilt only when stale) and isolated
// builds in temporary copies of the sources (for the one-build-for-every-site check).
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** What `vite build` reads: a change in any of these makes dist/ stale. */
const buildInputs = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'postcss.config.cjs',
  'tsconfig.json',
  'package.json',
];

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(target)) {
    newest = Math.max(newest, await newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`));
    });
  });
}

function viteBuild(cwd: string, outDir: string): Promise<string> {
  const vite = path.join(repoRoot, 'node_modules/vite/bin/vite.js');
  return run(
    process.execPath,
    [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    cwd,
  );
}

/**
 * The repo's dist/, built first when missing or older than any build input (npm test's e2e step builds it).
 * E2E_APP_DIR names another build to check instead, as for the end-to-end tests.
 */
export async function ensureDist(): Promise<string> {
  if (process.env.E2E_APP_DIR) return path.resolve(process.env.E2E_APP_DIR);
  const distDir = path.join(repoRoot, 'dist');
  const indexHtml = path.join(distDir, 'index.html');
  if (existsSync(indexHtml)) {
    const built = (await stat(indexHtml)).mtimeMs;
    let newestInput = 0;
    for (const input of buildInputs) {
      const full = path.join(repoRoot, input);
      if (existsSync(full)) newestInput = Math.max(newestInput, await newestMtime(full));
    }
    if (built >= newestInput) return distDir;
  }
  await viteBuild(repoRoot, distDir);
  return distDir;
}

/**
 * Builds the app from a copy of its sources in a temporary folder, with `public/config.json` replaced by
 * `configJson` when given: a bundle that imported the config (instead of fetching it) would then differ.
 */
export async function buildIsolatedCopy(
  configJson?: string,
): Promise<{ distDir: string; cleanUp: () => Promise<void> }> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'trackit-build-'));
  for (const input of buildInputs) {
    const from = path.join(repoRoot, input);
    if (existsSync(from)) await cp(from, path.join(workDir, input), { recursive: true });
  }
  await symlink(path.join(repoRoot, 'node_modules'), path.join(workDir, 'node_modules'), 'dir');
  if (configJson !== undefined) {
    await mkdir(path.join(workDir, 'public'), { recursive: true });
    await writeFile(path.join(workDir, 'public', 'config.json'), configJson);
  }
  const distDir = path.join(workDir, 'dist');
  await viteBuild(workDir, distDir);
  return { distDir, cleanUp: () => rm(workDir, { recursive: true, force: true }) };
}

/** Every file under `dir`, as paths relative to it with `/` separators. */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(dir, relative)));
    else files.push(relative);
  }
  return files.sort();
}
