/**
 * The absolute WebApi base with one trailing slash. `apiBaseUrl` from config.json may be relative
 * (`/TrackIt/WebApi`, the default): it is resolved against the document, so the app works behind any
 * reverse-proxy path (decisions.md, Addresses).
 */
export function resolveApiBaseUrl(apiBaseUrl: string, documentBase: string = defaultDocumentBase()): string {
  const url = new URL(apiBaseUrl, documentBase);
  url.search = '';
  url.hash = '';
  const href = url.href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** Joins a path such as `tickets/101` to a base made by resolveApiBaseUrl. */
export function apiUrl(base: string, path: string): string {
  return base + path.replace(/^\/+/, '');
}

function defaultDocumentBase(): string {
  return typeof document === 'undefined' ? 'http://localhost/' : document.baseURI;
}
