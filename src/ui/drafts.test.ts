import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DRAFT_MAX_AGE_MS,
  draftKey,
  readDraft,
  removeDrafts,
  ticketDraftFragment,
  useDraft,
  writeDraft,
} from './drafts.ts';

const scope = {
  server: 'http://desk.example/TrackIt/WebApi/',
  technician: 'HELP DESK\\TECH1',
  ticket: 101,
  form: 'edit',
};

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('draftKey', () => {
  it('separates servers, technicians, tickets and forms', () => {
    const keys = new Set([
      draftKey(scope),
      draftKey({ ...scope, server: 'http://other/TrackIt/WebApi' }),
      draftKey({ ...scope, technician: 'HELP DESK\\TECH2' }),
      draftKey({ ...scope, ticket: 102 }),
      draftKey({ ...scope, form: 'note' }),
    ]);
    expect(keys.size).toBe(5);
  });

  it('ignores a trailing slash and letter case in the server and login', () => {
    expect(
      draftKey({ ...scope, server: 'HTTP://DESK.EXAMPLE/TrackIt/WebApi', technician: 'help desk\\tech1' }),
    ).toBe(draftKey(scope));
  });

  it('cannot be confused by a separator inside a part', () => {
    expect(draftKey({ ...scope, form: 'a|b' })).not.toBe(draftKey({ ...scope, ticket: '101|a', form: 'b' }));
  });
});

describe('readDraft and writeDraft', () => {
  it('round-trips a value with its save time', () => {
    writeDraft('k', { summary: 'Printer' }, 1000);
    expect(readDraft('k', 2000)).toEqual({ value: { summary: 'Printer' }, savedAt: 1000 });
  });

  it('drops an expired draft', () => {
    writeDraft('k', 'old', 0);
    expect(readDraft('k', DRAFT_MAX_AGE_MS + 1)).toBeUndefined();
    expect(localStorage.getItem('k')).toBeNull();
  });

  it('drops a corrupt entry instead of throwing', () => {
    localStorage.setItem('k', '{not json');
    expect(readDraft('k')).toBeUndefined();
    expect(localStorage.getItem('k')).toBeNull();
  });

  it('removes all drafts of one ticket', () => {
    writeDraft(draftKey(scope), 'a');
    writeDraft(draftKey({ ...scope, form: 'note' }), 'b');
    writeDraft(draftKey({ ...scope, ticket: 1010 }), 'c');
    removeDrafts((key) => key.includes(ticketDraftFragment(101)));
    expect(readDraft(draftKey(scope))).toBeUndefined();
    expect(readDraft(draftKey({ ...scope, form: 'note' }))).toBeUndefined();
    expect(readDraft(draftKey({ ...scope, ticket: 1010 }))?.value).toBe('c');
  });
});

describe('useDraft', () => {
  const key = draftKey(scope);

  it('saves 300 ms after typing stops, not on every keystroke', () => {
    const { result } = renderHook(() => useDraft(key, ''));
    act(() => result.current.setValue('P'));
    act(() => result.current.setValue('Pr'));
    expect(readDraft(key)).toBeUndefined();
    act(() => vi.advanceTimersByTime(300));
    expect(readDraft(key)?.value).toBe('Pr');
    expect(result.current.value).toBe('Pr');
  });

  it('restores the draft after a remount, saying when it was saved', () => {
    const savedAt = Date.now() - 60_000;
    writeDraft(key, 'half a note', savedAt);
    const { result } = renderHook(() => useDraft(key, ''));
    expect(result.current.value).toBe('half a note');
    expect(result.current.restoredAt).toBe(savedAt);
  });

  it('writes a pending draft at once when the page is hidden', () => {
    const { result } = renderHook(() => useDraft(key, ''));
    act(() => result.current.setValue('typed'));
    window.dispatchEvent(new Event('pagehide'));
    expect(readDraft(key)?.value).toBe('typed');
  });

  it('writes a pending draft when the form unmounts', () => {
    const { result, unmount } = renderHook(() => useDraft(key, ''));
    act(() => result.current.save('typed'));
    unmount();
    expect(readDraft(key)?.value).toBe('typed');
  });

  it('keeps no draft for a value equal to the initial one', () => {
    writeDraft(key, 'x');
    const { result } = renderHook(() => useDraft(key, ''));
    act(() => result.current.setValue(''));
    act(() => vi.advanceTimersByTime(300));
    expect(readDraft(key)).toBeUndefined();
  });

  it('clears the draft and resets the value after a successful submit', () => {
    const { result, unmount } = renderHook(() => useDraft(key, ''));
    act(() => result.current.setValue('sent'));
    act(() => result.current.clear());
    unmount();
    expect(readDraft(key)).toBeUndefined();
    expect(result.current.value).toBe('');
  });

  it('loads the other draft when the key changes', () => {
    const other = draftKey({ ...scope, ticket: 102 });
    writeDraft(other, 'for 102');
    const { result, rerender } = renderHook(({ k }) => useDraft(k, ''), { initialProps: { k: key } });
    act(() => result.current.setValue('for 101'));
    rerender({ k: other });
    expect(result.current.value).toBe('for 102');
    act(() => vi.advanceTimersByTime(300));
    expect(readDraft(key)?.value).toBe('for 101');
  });

  it('persists nothing without a key', () => {
    const { result } = renderHook(() => useDraft<string>(null, ''));
    act(() => result.current.setValue('x'));
    act(() => vi.advanceTimersByTime(300));
    expect(localStorage.length).toBe(0);
    expect(result.current.value).toBe('x');
  });
});
