// Issue 6: every recipe in deploy/ carries the same header set, and the IIS rules (which cannot run on this
// machine) do what they say when their patterns are evaluated with JavaScript's regexes: IIS URL Rewrite's
// default pattern syntax is ECMAScript, case-insensitive.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ensureDist, repoRoot } from './lib/dist.ts';
import { immutableCaching, productionCsp } from './lib/production-headers.ts';

const recipes = ['iis/web.config', 'nginx.conf', 'nginx-subpath.conf', 'Caddyfile'];
const read = (recipe: string) => readFile(path.join(repoRoot, 'deploy', recipe), 'utf8');

describe('the deployment recipes', () => {
  for (const recipe of recipes) {
    it(`deploy/${recipe} sends the production header set`, async () => {
      const text = await read(recipe);
      assert.ok(text.includes(productionCsp), 'the exact Content-Security-Policy');
      assert.match(text, /X-Content-Type-Options"?\s+(value=)?"?nosniff/);
      assert.match(text, /Referrer-Policy"?\s+(value=)?"?no-referrer/);
      assert.ok(text.includes(immutableCaching), 'immutable caching for hashed assets');
      assert.match(text, /no-store/);
      assert.doesNotMatch(text, /unsafe-eval/);
    });
  }
});

interface IisCondition {
  '@_input': string;
  '@_pattern'?: string;
  '@_matchType'?: string;
  '@_negate'?: string;
}
interface IisOutboundRule {
  '@_name': string;
  match: { '@_pattern': string };
  conditions: { add: IisCondition[] };
  action: { '@_value': string };
}

interface IisRule {
  '@_name': string;
  match: { '@_url': string };
  conditions: { add: IisCondition[] };
  action: { '@_type': string; '@_url': string };
}

async function iisRules(): Promise<IisRule[]> {
  const xml = await read('iis/web.config');
  const doc = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['rule', 'add', 'location'].includes(name),
  }).parse(xml) as {
    configuration: { location: { 'system.webServer': { rewrite?: { rules: { rule: IisRule[] } } } }[] };
  };
  const rules = doc.configuration.location.flatMap(
    (location) => location['system.webServer'].rewrite?.rules.rule ?? [],
  );
  assert.ok(rules.length > 0);
  return rules;
}

async function iisOutboundRules(): Promise<IisOutboundRule[]> {
  const xml = await read('iis/web.config');
  const doc = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['rule', 'add', 'location'].includes(name),
  }).parse(xml) as {
    configuration: {
      location: { 'system.webServer'?: { rewrite?: { outboundRules?: { rule: IisOutboundRule[] } } } }[];
    };
  };
  const rules = doc.configuration.location.flatMap(
    (location) => location['system.webServer']?.rewrite?.outboundRules?.rule ?? [],
  );
  assert.ok(rules.length > 0);
  return rules;
}

/** Applies the outbound rules to an HTML body, with IIS's APPL_MD_PATH for the application. */
function applyOutboundRules(rules: IisOutboundRule[], applMdPath: string, body: string): string {
  let out = body;
  for (const rule of rules) {
    let captured: RegExpExecArray | null = null;
    const holds = rule.conditions.add.every((condition) => {
      const input = condition['@_input'].replace('{APPL_MD_PATH}', applMdPath);
      captured = new RegExp(condition['@_pattern'] ?? '', 'i').exec(input);
      return captured !== null;
    });
    if (!holds) continue;
    const found = captured as RegExpExecArray | null;
    const value = rule.action['@_value'].replace(
      /\{C:(\d)\}/g,
      (_all, n: string) => found?.[Number(n)] ?? '',
    );
    out = out.replace(new RegExp(rule.match['@_pattern'], 'gi'), value);
  }
  return out;
}

/**
 * Applies the IIS rules to a request the way URL Rewrite does for an application at `appPath`: the rule sees the
 * path relative to the application; files that exist are `existing`. Returns the action taken, if any.
 */
function applyIisRules(
  rules: IisRule[],
  appPath: string,
  url: string,
  existing: string[],
): { type: string; url: string } | undefined {
  const relative = url.slice(appPath.length);
  for (const rule of rules) {
    const match = new RegExp(rule.match['@_url'], 'i').exec(relative);
    if (!match) continue;
    const ruleRefs = (text: string) =>
      text.replace(/\{R:(\d)\}/g, (_all, n: string) => match[Number(n)] ?? '');
    let conditionMatch: RegExpExecArray | null = null;
    const allHold = rule.conditions.add.every((condition) => {
      const input = ruleRefs(condition['@_input'])
        .replace('{URL}', url)
        .replace('{REQUEST_FILENAME}', relative);
      let holds: boolean;
      if (condition['@_matchType'] === 'IsFile') holds = existing.includes(input);
      else if (condition['@_matchType'] === 'IsDirectory') holds = input === '' || input.endsWith('/');
      else {
        const result = new RegExp(condition['@_pattern'] ?? '', 'i').exec(input);
        holds = result !== null;
        if (result && condition['@_negate'] !== 'true') conditionMatch = result;
      }
      return condition['@_negate'] === 'true' ? !holds : holds;
    });
    if (!allHold) continue;
    const target = ruleRefs(rule.action['@_url']).replace(/\{C:(\d)\}/g, (_all, n: string) => {
      const found = conditionMatch as RegExpExecArray | null;
      return found?.[Number(n)] ?? '';
    });
    return { type: rule.action['@_type'], url: target };
  }
  return undefined;
}

describe('deploy/iis/web.config', () => {
  it('is well-formed XML', async () => {
    assert.equal(XMLValidator.validate(await read('iis/web.config')), true);
  });

  const existing = [
    'index.html',
    'config.json',
    'favicon.svg',
    'assets/index-abc123.js',
    'assets/index-abc123.css',
  ];
  for (const appPath of ['/helpdesk/', '/']) {
    it(`serves index.html for client routes of an application at ${appPath}`, async () => {
      const rules = await iisRules();
      assert.deepEqual(applyIisRules(rules, appPath, `${appPath}tickets/101`, existing), {
        type: 'Rewrite',
        url: 'index.html',
      });
      assert.equal(applyIisRules(rules, appPath, `${appPath}assets/index-abc123.js`, existing), undefined);
      assert.equal(applyIisRules(rules, appPath, `${appPath}config.json`, existing), undefined);
      assert.equal(
        applyIisRules(rules, appPath, `${appPath}assets/index-gone.js`, existing),
        undefined,
        'a 404',
      );
    });
  }

  for (const [applMdPath, appPath] of [
    ['/LM/W3SVC/1/ROOT/helpdesk', '/helpdesk/'],
    ['/LM/W3SVC/1/ROOT', '/'],
  ] as const) {
    it(`makes index.html's links absolute for an application at ${appPath}`, async () => {
      const html = await readFile(path.join(await ensureDist(), 'index.html'), 'utf8');
      const rewritten = applyOutboundRules(await iisOutboundRules(), applMdPath, html);
      const urls = [...rewritten.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
      assert.ok(urls.length >= 2);
      for (const url of urls) assert.ok(url.startsWith(appPath) && !url.startsWith(`${appPath}/`), url);
    });
  }

  it('leaves Track-It! itself alone when the app sits at the site root', async () => {
    const rules = await iisRules();
    assert.equal(applyIisRules(rules, '/', '/TrackIt/WebApi/tickets/101', []), undefined);
    assert.equal(applyIisRules(rules, '/', '/trackit/webapi/token', []), undefined);
  });
});
