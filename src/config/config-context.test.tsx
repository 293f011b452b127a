import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ConfigContext, useConfig } from './config-context.ts';
import { configSchema } from './config-schema.ts';

describe('useConfig', () => {
  it('returns the loaded config', () => {
    const config = configSchema.parse({ siteName: 'Desk' });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ConfigContext value={config}>{children}</ConfigContext>
    );
    expect(renderHook(() => useConfig(), { wrapper }).result.current.siteName).toBe('Desk');
  });

  it('throws a clear error when config.json was not loaded first', () => {
    expect(() => renderHook(() => useConfig())).toThrow(/load config\.json first/);
  });
});
