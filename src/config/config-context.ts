import { createContext, use } from 'react';
import type { AppConfig } from './config-schema.ts';

// Filled by the app once loadConfig() succeeded: `<ConfigContext value={config}>`.
export const ConfigContext = createContext<AppConfig | null>(null);

export function useConfig(): AppConfig {
  const config = use(ConfigContext);
  if (!config) throw new Error('useConfig needs a ConfigContext value above it (load config.json first).');
  return config;
}
