import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ApiError,
  RAW_MESSAGE_LIMIT,
  errorFromStatus,
  kindFromStatus,
  messageFromBody,
} from './api-error.ts';

describe('messageFromBody', () => {
  it('takes Message first, as Web API error bodies carry it', () => {
    const body = { Message: 'Ticket 999 was not found.', ExceptionMessage: 'x', error: 'y', message: 'z' };
    expect(messageFromBody(body, JSON.stringify(body))).toBe('Ticket 999 was not found.');
  });

  it('falls back through ExceptionMessage, error_description, error and message in that order', () => {
    expect(messageFromBody({ ExceptionMessage: 'boom', error: 'e' }, '')).toBe('boom');
    expect(
      messageFromBody(
        { error: 'invalid_grant', error_description: 'The user name or password is incorrect.' },
        '',
      ),
    ).toBe('The user name or password is incorrect.');
    expect(messageFromBody({ error: 'invalid_grant' }, '')).toBe('invalid_grant');
    expect(messageFromBody({ message: 'lower-case' }, '')).toBe('lower-case');
  });

  it('skips empty and non-string message fields', () => {
    expect(messageFromBody({ Message: '  ', ExceptionMessage: 42, error_description: 'real' }, '')).toBe(
      'real',
    );
  });

  it('uses the raw text, cut short, when the body has no message', () => {
    const raw = 'x'.repeat(1000);
    const message = messageFromBody(undefined, raw);
    expect(message.length).toBeLessThanOrEqual(RAW_MESSAGE_LIMIT);
    expect(message.endsWith('…')).toBe(true);
  });

  it('reads the title of an HTML error page instead of its markup', () => {
    const html =
      '<!DOCTYPE html><html><head><title>502 - Web server received an invalid response</title></head><body><h1>Server Error</h1></body></html>';
    expect(messageFromBody(undefined, html)).toBe('502 - Web server received an invalid response');
  });

  it('strips tags from an HTML page without a title', () => {
    expect(
      messageFromBody(undefined, '<html><body><h1>Bad   Gateway</h1><script>alert(1)</script></body></html>'),
    ).toBe('Bad Gateway');
  });

  it('uses a JSON string body as the message', () => {
    expect(messageFromBody('plain words', '"plain words"')).toBe('plain words');
  });

  it('never throws and always returns a string, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (body, raw) => {
        expect(typeof messageFromBody(body, raw)).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('kindFromStatus', () => {
  it('maps statuses to kinds without assuming one status for not found', () => {
    expect(kindFromStatus(401)).toBe('unauthorized');
    expect(kindFromStatus(403)).toBe('forbidden');
    expect(kindFromStatus(404)).toBe('not-found');
    expect(kindFromStatus(400)).toBe('bad-request');
    expect(kindFromStatus(405)).toBe('bad-request');
    expect(kindFromStatus(500)).toBe('server');
    expect(kindFromStatus(503)).toBe('server');
  });
});

describe('errorFromStatus', () => {
  it('builds an ApiError with status, kind and the server message', () => {
    const error = errorFromStatus(
      403,
      '{"Message":"You do not have the Delete Ticket permission."}',
      'http://x/',
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(403);
    expect(error.kind).toBe('forbidden');
    expect(error.message).toBe('You do not have the Delete Ticket permission.');
  });

  it('gives a fallback message when the body is empty', () => {
    expect(errorFromStatus(500, '').message).toMatch(/server/i);
  });
});
