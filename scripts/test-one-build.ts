// Issue 6: one build for every site. Two builds whose only difference is public/config.json must produce the
// same bytes in every file but config.json, and the stock config.json must be valid.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { configSchema } from '../src/config/config-schema.ts';
import { buildIsolatedCopy, listFiles, repoRoot } from './lib/dist.ts';

const otherSite = {
  apiBaseUrl: 'https://helpdesk.other-site.example/TrackIt/WebApi',
  siteName: 'Another site',
  modules: { tickets: 7 },
  vocabulary: { statuses: [{ name: 'Brand new', type: 'open' }], priorities: ['Whenever'] },
};

describe('one build for every site', () => {
  let a: Awaited<ReturnType<typeof buildIsolatedCopy>>;
  let b: Awaited<ReturnType<typeof buildIsolatedCopy>>;

  before(async () => {
    a = await buildIsolatedCopy();
    b = await buildIsolatedCopy(`${JSON.stringify(otherSite, null, 2)}\n`);
  });
  after(async () => {
    await a?.cleanUp();
    await b?.cleanUp();
  });

  it('makes builds that differ only in config.json when only config.json differs', async () => {
    const filesA = await listFiles(a.distDir);
    const filesB = await listFiles(b.distDir);
    assert.deepEqual(filesB, filesA, 'the same file names');
    assert.ok(filesA.includes('index.html') && filesA.includes('config.json'));
    const differing: string[] = [];
    for (const file of filesA) {
      const [bytesA, bytesB] = await Promise.all([
        readFile(path.join(a.distDir, file)),
        readFile(path.join(b.distDir, file)),
      ]);
      if (!bytesA.equals(bytesB)) differing.push(file);
    }
    assert.deepEqual(differing, ['config.json']);
  });

  it('ships the stock config.json verbatim and it is a valid configuration', async () => {
    const shipped = await readFile(path.join(a.distDir, 'config.json'), 'utf8');
    assert.equal(shipped, await readFile(path.join(repoRoot, 'public', 'config.json'), 'utf8'));
    const parsed = configSchema.safeParse(JSON.parse(shipped));
    assert.ok(parsed.success, parsed.success ? '' : parsed.error.message);
    assert.equal(parsed.data.apiBaseUrl, '/TrackIt/WebApi');
  });

  it('keeps every asset URL in index.html relative so that the build works under any sub-path', async () => {
    const html = await readFile(path.join(a.distDir, 'index.html'), 'utf8');
    const urls = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    assert.ok(urls.length > 0);
    for (const url of urls) assert.match(url, /^\.\//, `${url} is relative`);
  });
});
