// Bundles the emulator into one ES module (`.cache/emulator/main.mjs`, npm packages left external) so that it
// starts with plain `node`: through tsx, Node spent 1.3 to 1.7 s compiling TypeScript at every start, which made
// a restart on an existing database miss its 1 s goal (issue 2) although the database opens in about 50 ms.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const emulatorBundle = path.join(root, '.cache/emulator/main.mjs');

export async function buildEmulator() {
  await build({
    entryPoints: [path.join(root, 'emulator/main.ts')],
    outfile: emulatorBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return emulatorBundle;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildEmulator();
}
