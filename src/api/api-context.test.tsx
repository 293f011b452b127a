import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionContext, useApiClient, useSession, useSessionState } from './api-context.ts';
import { createFakeTrackIt } from './fake-track-it.ts';
import { createSession, type Session } from './session.ts';

let session: Session | null = null;
afterEach(() => {
  session?.dispose();
  session = null;
});

describe('api context hooks', () => {
  it('throw a clear error without a value above them', () => {
    expect(() => renderHook(() => useApiClient())).toThrow(/ApiClientContext/);
    expect(() => renderHook(() => useSession())).toThrow(/SessionContext/);
  });

  it('re-render on every session change', async () => {
    const fake = createFakeTrackIt();
    const current = createSession({
      apiBaseUrl: 'http://t.test/TrackIt/WebApi',
      fetch: fake.fetch,
      sessionStorage: null,
      localStorage: null,
    });
    session = current;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <SessionContext value={current}>{children}</SessionContext>
    );
    const { result } = renderHook(() => useSessionState(), { wrapper });
    expect(result.current.status).toBe('signed-out');
    await act(() => current.signIn({ group: 'help desk', login: 'tech1', password: 'welcome' }));
    expect(result.current.status).toBe('signed-in');
    expect(result.current.technician?.firstName).toBe('Tess');
    await act(() => current.signOut());
    expect(result.current).toEqual({ status: 'signed-out', technician: null, expiresAt: null });
  });
});
