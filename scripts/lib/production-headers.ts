// The header set of issue 6, sent by the emulator's static serving and by every recipe in deploy/.
// style-src allows 'unsafe-inline' because Mantine writes <style> elements (its CSS variables and responsive
// style props) and style="" attributes at run time; deploy/README.md records the check in the built app.
export const productionCsp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
  "form-action 'self'";

export const immutableCaching = 'public, max-age=31536000, immutable';

export const productionHeaders = {
  'content-security-policy': productionCsp,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;
