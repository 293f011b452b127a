// Serves the built single-page app beside the WebApi, as a production site would: strict security headers,
// long caching for hashed assets, no caching for index.html and config.json, and an index.html fallback for
// client-side routes (decisions.md, Addresses).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import type { Env, Hono } from 'hono';
import type { Store } from './store.ts';

export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const compressible = /^(text\/|application\/(json|javascript|manifest)|image\/svg)/;

interface Asset {
  readonly body: Buffer;
  readonly type: string;
  gzip?: Buffer;
  br?: Buffer;
}

export interface SpaOptions {
  readonly appDir: string | undefined;
  readonly appBase: string;
}

/** config.json for the SPA (src/config/config-schema.ts), built from the emulator's own vocabulary. */
export function configJson(store: Store): string {
  const ref = store.vocab.ref;
  return JSON.stringify(
    {
      apiBaseUrl: '/TrackIt/WebApi',
      siteName: 'Contoso Help Desk',
      modules: { tickets: 24 },
      vocabulary: {
        statuses: ref.statuses.map((s) => ({
          name: s.name,
          type: s.type,
          isDefaultClosed: s.isDefaultClosed,
        })),
        priorities: ref.priorities.map((p) => p.name),
        categories: ref.categories.map((c) => c.fullPath),
        noteTypes: ref.noteTypes.filter((n) => !n.system).map((n) => n.name),
        activityCodes: ref.activityCodes.filter((a) => a.forTickets).map((a) => a.name),
        groups: ref.groups.map((g) => g.name),
        technicians: ref.technicians.map((t) => ({
          login: t.login,
          name: `${t.firstName} ${t.lastName}`,
          group: store.vocab.groupBySeq.get(t.groups[0] ?? 0)?.name,
        })),
      },
      display: {
        theme: 'auto',
        noteMaxContentLength: 1500,
        defaultNotePrivate: false,
        defaultNoteType: 'Technician Note',
        defaultActivityCode: 'Note By Technician',
      },
      sync: { enabled: true, concurrency: 4, batchDelayMs: 250, refreshIntervalSeconds: 120 },
    },
    null,
    2,
  );
}

function normalizeBase(base: string): string {
  let b = base.trim();
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

function encodingFor(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const h = header.toLowerCase();
  if (/\bbr\b/.test(h)) return 'br';
  if (/\bgzip\b/.test(h)) return 'gzip';
  return null;
}

function respond(
  asset: Asset,
  acceptEncoding: string | undefined,
  extra: Record<string, string>,
  head: boolean,
): Response {
  const headers: Record<string, string> = { ...securityHeaders, 'Content-Type': asset.type, ...extra };
  let body = asset.body;
  if (asset.body.length > 1024 && compressible.test(asset.type)) {
    headers.Vary = 'Accept-Encoding';
    const encoding = encodingFor(acceptEncoding);
    if (encoding === 'br') {
      asset.br ??= brotliCompressSync(asset.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } });
      body = asset.br;
      headers['Content-Encoding'] = 'br';
    } else if (encoding === 'gzip') {
      asset.gzip ??= gzipSync(asset.body, { level: 9 });
      body = asset.gzip;
      headers['Content-Encoding'] = 'gzip';
    }
  }
  headers['Content-Length'] = String(body.length);
  return new Response(head ? null : new Uint8Array(body), { status: 200, headers });
}

function notFoundPage(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * Vite builds with relative URLs (`./assets/...`); a deep link such as /tickets/101 would resolve them under
 * /tickets/. The CSP forbids `<base>` (base-uri 'none'), so index.html's relative URLs are made absolute instead.
 */
function rewriteIndex(html: string, base: string): string {
  return html.replace(/(\s(?:src|href)=["'])\.\//g, `$1${base}`);
}

export function mountSpa<E extends Env>(app: Hono<E>, store: Store, options: SpaOptions): void {
  const base = normalizeBase(options.appBase);
  const config = Buffer.from(configJson(store));
  const configAsset: Asset = { body: config, type: 'application/json; charset=utf-8' };
  const configPath = `${base}config.json`.toLowerCase();
  const dir = options.appDir ? resolve(options.appDir) : null;
  const cache = new Map<string, Asset>();

  const load = (relative: string): Asset | null => {
    const cached = cache.get(relative);
    if (cached) return cached;
    let asset: Asset | null = null;
    if (dir) {
      const file = normalize(join(dir, relative));
      if ((file === dir || file.startsWith(dir + sep)) && existsSync(file) && statSync(file).isFile()) {
        asset = {
          body: readFileSync(file),
          type: types[extname(file).toLowerCase()] ?? 'application/octet-stream',
        };
      }
    }
    // Only hits are cached: a rebuilt dist/ adds files while the server runs.
    if (asset) cache.set(relative, asset);
    return asset;
  };

  let indexAsset: Asset | null | undefined;
  const index = (): Asset | null => {
    if (indexAsset !== undefined) return indexAsset;
    const raw = dir ? load('index.html') : null;
    indexAsset = raw
      ? { body: Buffer.from(rewriteIndex(raw.body.toString('utf8'), base)), type: raw.type }
      : null;
    return indexAsset;
  };

  app.all('*', (c) => {
    const method = c.req.method;
    const url = new URL(c.req.url);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return notFoundPage();
    }
    const lower = path.toLowerCase();
    if (lower.startsWith('/trackit/') || lower === '/trackit' || lower.startsWith('/__emulator'))
      return notFoundPage();
    // The static site only answers GET and HEAD; anything else (e.g. the control plane when it is off) is not there.
    if (method !== 'GET' && method !== 'HEAD') return notFoundPage();
    const head = method === 'HEAD';
    const accept = c.req.header('accept-encoding');
    if (lower === configPath || (lower === '/config.json' && !dir)) {
      return respond(configAsset, accept, { 'Cache-Control': 'no-store' }, head);
    }
    if (!dir) return notFoundPage();
    if (path === base.slice(0, -1) || (path === '/' && base !== '/')) {
      return new Response(null, { status: 302, headers: { ...securityHeaders, Location: base } });
    }
    if (!path.startsWith(base)) return notFoundPage();
    const relative = path.slice(base.length);
    if (relative === '' || relative === 'index.html') {
      const page = index();
      return page ? respond(page, accept, { 'Cache-Control': 'no-store' }, head) : notFoundPage();
    }
    if (relative.includes('\0')) return notFoundPage();
    const asset = load(relative);
    if (asset) {
      const hashed = relative.startsWith('assets/');
      return respond(asset, accept, { 'Cache-Control': hashed ? IMMUTABLE : 'no-cache' }, head);
    }
    // A missing file under assets/ (or one with an extension) is a real 404, not the app shell.
    if (relative.startsWith('assets/') || /\.[a-z0-9]{1,8}$/i.test(relative)) return notFoundPage();
    const page = index();
    return page ? respond(page, accept, { 'Cache-Control': 'no-store' }, head) : notFoundPage();
  });
}
