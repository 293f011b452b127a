import { configJson } from '../../emulator/static.ts';
import type { TestEmulator } from '../../emulator/testing.ts';
import { createAppServices, type AppServices } from '../../src/app/app-services.ts';
import { configSchema, type AppConfig } from '../../src/config/config-schema.ts';

// What the integration harnesses share: the emulator's own config.json pointed at the in-process WebApi, the
// app's real services signed in as a technician, and the emulator's control plane.

export interface EmulatorSessionOptions {
  /** The fetch the app's client uses (a logging wrapper around `emulator.fetch`); default `emulator.fetch`. */
  fetch?: typeof fetch;
  /** Default HELP DESK\TECH1 (password `welcome`). */
  login?: { group: string; login: string };
  /** The sync settings a test needs (e.g. no pause between batches). */
  sync?: Record<string, unknown>;
}

export interface EmulatorSession {
  config: AppConfig;
  services: AppServices;
  control(path: string, body?: unknown, method?: 'POST' | 'DELETE'): Promise<void>;
  close(): void;
}

export async function openEmulatorSession(
  emulator: TestEmulator,
  options: EmulatorSessionOptions = {},
): Promise<EmulatorSession> {
  const site = JSON.parse(configJson(emulator.store)) as { sync: Record<string, unknown> };
  const config = configSchema.parse({
    ...site,
    apiBaseUrl: emulator.baseUrl,
    ...(options.sync ? { sync: { ...site.sync, ...options.sync } } : {}),
  });
  const services = createAppServices(config, {
    fetch: options.fetch ?? emulator.fetch,
    sessionStorage: null,
    localStorage: null,
  });
  const who = options.login ?? { group: 'HELP DESK', login: 'TECH1' };
  await services.session.signIn({ ...who, password: 'welcome' });
  return {
    config,
    services,
    async control(path, body, method = 'POST') {
      const response = await emulator.fetch(`http://emulator.test/__emulator/${path}`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
    },
    close() {
      services.session.dispose();
      services.queryClient.clear();
      emulator.close();
    },
  };
}
