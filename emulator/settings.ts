// Start-up settings, read from the environment. A bad value stops start-up with a message that names the variable
// (issue 2: "A bad setting stops start-up with a message naming it").

export type Shape = 'observed' | 'doc';

export interface Settings {
  readonly port: number;
  readonly db: string;
  readonly shape: Shape;
  readonly tokenTtlSeconds: number;
  readonly latencyMs: number;
  readonly seedTickets: number;
  readonly control: boolean;
}

export class SettingsError extends Error {
  readonly variable: string;

  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'SettingsError';
    this.variable = variable;
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const text = raw.trim();
  if (!/^\d+$/.test(text)) {
    throw new SettingsError(name, `expected a whole number from ${min} to ${max}, got '${raw}'.`);
  }
  const value = Number(text);
  if (value < min || value > max) {
    throw new SettingsError(name, `expected a whole number from ${min} to ${max}, got '${raw}'.`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return false;
  const text = raw.trim().toLowerCase();
  if (text === '1' || text === 'true' || text === 'yes' || text === 'on') return true;
  if (text === '0' || text === 'false' || text === 'no' || text === 'off') return false;
  throw new SettingsError(name, `expected 1 or 0, got '${raw}'.`);
}

export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const shapeRaw = (env.TRACKIT_SHAPE ?? '').trim().toLowerCase();
  if (shapeRaw !== '' && shapeRaw !== 'observed' && shapeRaw !== 'doc') {
    throw new SettingsError(
      'TRACKIT_SHAPE',
      `expected 'observed' or 'doc', got '${env.TRACKIT_SHAPE ?? ''}'.`,
    );
  }
  const dbRaw = env.TRACKIT_DB;
  if (dbRaw !== undefined && dbRaw.trim() === '' && dbRaw !== '') {
    throw new SettingsError('TRACKIT_DB', 'expected a file path or :memory:, got blanks.');
  }
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    db: dbRaw === undefined || dbRaw === '' ? '.data/trackit.db' : dbRaw,
    shape: shapeRaw === 'doc' ? 'doc' : 'observed',
    tokenTtlSeconds: integer(env, 'TRACKIT_TOKEN_TTL', 1799, 1, 31_536_000),
    latencyMs: integer(env, 'TRACKIT_LATENCY_MS', 0, 0, 60_000),
    seedTickets: integer(env, 'TRACKIT_SEED_TICKETS', 5000, 2, 200_000),
    control: flag(env, 'TRACKIT_CONTROL'),
  };
}
