import { describe, expect, it } from 'vitest';
import { appBasename, normalizeBasename } from './basename.ts';

function pageAt(url: string, baseHref?: string): Document {
  const doc = document.implementation.createHTMLDocument('test');
  if (baseHref) {
    const base = doc.createElement('base');
    base.href = new URL(baseHref, url).href;
    doc.head.append(base);
  }
  return doc;
}

describe('the router basename', () => {
  it('is the folder above the built entry module, at the root or under a sub-path', () => {
    expect(
      appBasename('http://desk.example/assets/index-abc.js', pageAt('http://desk.example/tickets/101')),
    ).toBe('/');
    expect(
      appBasename(
        'http://desk.example/helpdesk/assets/index-abc.js',
        pageAt('http://desk.example/helpdesk/tickets/101'),
      ),
    ).toBe('/helpdesk');
  });

  it('is the root in the dev server, where the entry is /src/main.tsx', () => {
    expect(appBasename('http://localhost:5173/src/main.tsx', pageAt('http://localhost:5173/tickets/7'))).toBe(
      '/',
    );
  });

  it('follows a <base href> when the page has one', () => {
    expect(
      appBasename(
        'http://desk.example/static/assets/index.js',
        pageAt('http://desk.example/x', '/support/desk/'),
      ),
    ).toBe('/support/desk');
  });

  it('drops trailing slashes but keeps the root', () => {
    expect(normalizeBasename('/helpdesk/')).toBe('/helpdesk');
    expect(normalizeBasename('/')).toBe('/');
  });
});
