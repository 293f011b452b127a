// The emulator program, and the only file that opens a socket.
//   npm run emulator                                  the WebApi alone
//   tsx emulator/main.ts --app dist [--app-base /x/]  the WebApi and the built app on one port
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import { readSettings, SettingsError } from './settings.ts';
import type { Settings } from './settings.ts';
import { openStore } from './store.ts';

interface Args {
  appDir?: string;
  appBase?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new SettingsError(flag, 'needs a value.');
      return v;
    };
    if (flag === '--app') args.appDir = value();
    else if (flag === '--app-base') args.appBase = value();
    else throw new SettingsError(flag, 'is not an option (use --app <dir> and --app-base </path/>).');
  }
  if (args.appDir !== undefined && !existsSync(join(args.appDir, 'index.html'))) {
    throw new SettingsError(
      '--app',
      `no index.html in '${args.appDir}' (build the app first: npm run build).`,
    );
  }
  if (args.appBase !== undefined && !args.appBase.startsWith('/')) {
    throw new SettingsError('--app-base', `must start with '/', got '${args.appBase}'.`);
  }
  return args;
}

function main(): void {
  let settings: Settings;
  let args: Args;
  try {
    settings = readSettings(process.env);
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof SettingsError) {
      console.error(`emulator: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  const started = performance.now();
  const store = openStore({ path: settings.db, seedTickets: settings.seedTickets });
  const ready = Math.round(performance.now() - started);
  const app = createApp(store, {
    shape: settings.shape,
    tokenTtlSeconds: settings.tokenTtlSeconds,
    latencyMs: settings.latencyMs,
    control: settings.control,
    appDir: args.appDir,
    appBase: args.appBase,
  });

  const server: ServerType = serve({ fetch: app.fetch, port: settings.port, hostname: '0.0.0.0' }, (info) => {
    const origin = `http://localhost:${info.port}`;
    const base = args.appBase ? `/${args.appBase.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/') : '/';
    const lines = [
      `Track-It! WebApi emulator listening on ${origin}`,
      `  WebApi:   ${origin}/TrackIt/WebApi   (shape: ${settings.shape}, token ttl ${settings.tokenTtlSeconds}s` +
        `${settings.latencyMs > 0 ? `, latency ${settings.latencyMs} ms` : ''}${settings.control ? ', control plane on' : ''})`,
      args.appDir ? `  App:      ${origin}${base}` : '  App:      not served (start with --app dist)',
      `  Database: ${settings.db} (ready in ${ready} ms)`,
      '  Demo sign-ins (password: welcome):',
      '    HELP DESK\\TECH1              every ticket permission',
      '    HELP DESK\\VIEWER             view permissions only',
      '    FIELD SERVICES\\FIELD1        every ticket permission, FIELD SERVICES tickets only',
      '    SYSTEM ADMINISTRATION\\ADMIN  everything, every group',
    ];
    console.log(lines.join('\n'));
  });

  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      `emulator: cannot listen on port ${settings.port}: ${error.code ?? error.message} (set PORT to another port).`,
    );
    store.close();
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`emulator: ${signal} received, shutting down.`);
    server.close(() => {
      store.close();
      process.exit(0);
    });
    // Keep-alive connections can hold close() open; do not wait for them forever.
    setTimeout(() => {
      store.close();
      process.exit(0);
    }, 2000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main();
