/**
 * The router's basename, found at run time so that one build (Vite `base: './'`) serves a site at `/` and under a
 * sub-path like `/helpdesk/`.
 *
 * - A `<base href>` in the page wins: a server or proxy that rewrites deep links may set one.
 * - Otherwise the entry module's own URL tells: the built entry lives in `<appBase>assets/`, and in the dev server
 *   `src/main.tsx` sits one folder below the root, so the folder above the entry module is the app's base either way.
 */
export function appBasename(entryModuleUrl: string, doc: Document = document): string {
  const baseElement = doc.querySelector('base[href]');
  const baseUrl = baseElement ? doc.baseURI : new URL('..', entryModuleUrl).href;
  return normalizeBasename(new URL(baseUrl).pathname);
}

/** `/helpdesk/` -> `/helpdesk`, `/` -> `/` (react-router's form). */
export function normalizeBasename(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}
