// Deep links survive sign-in (issue 3): the page asked for rides along as `?next=` so that a reload of the
// sign-in page keeps it too. Only paths inside the app are accepted, so a crafted link cannot send a technician
// to another site after signing in.

export const NEXT_PARAM = 'next';

export function safeReturnPath(raw: string | null | undefined): string | null {
  if (!raw) return null;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  if (/^\/sign-in(?:[/?#]|$)/.test(raw)) return null;
  if ([...raw].some((char) => char.charCodeAt(0) < 0x20)) return null;
  return raw;
}

export function signInPathFor(returnTo: string | null): string {
  const next = safeReturnPath(returnTo);
  return next && next !== '/' ? `/sign-in?${NEXT_PARAM}=${encodeURIComponent(next)}` : '/sign-in';
}
