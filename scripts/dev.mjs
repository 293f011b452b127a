// `npm run dev`: the emulator's WebApi on EMULATOR_PORT (8081) and Vite's dev server proxying to it.
import { spawn } from 'node:child_process';

const emulatorPort = process.env.EMULATOR_PORT ?? '8081';
const children = [
  spawn('npx', ['tsx', 'emulator/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: emulatorPort },
  }),
  spawn('npx', ['vite'], {
    stdio: 'inherit',
    env: { ...process.env, EMULATOR_URL: `http://127.0.0.1:${emulatorPort}` },
  }),
];

function stop() {
  for (const child of children) child.kill('SIGTERM');
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) {
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
}
