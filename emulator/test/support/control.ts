// The emulator's test control plane (interfaces.md "Control plane"), for emulator-only tests.
import { expect } from 'vitest';
import { createClient, type Reply } from './client.ts';
import { emulatorOf, type Target } from './target.ts';

async function control(target: Target, method: string, path: string, body?: unknown): Promise<Reply> {
  emulatorOf(target);
  const client = createClient(target, null);
  return client.call(method, `//__emulator/${path}`, body === undefined ? {} : { body });
}

async function expectOk(reply: Promise<Reply>, what: string): Promise<Reply> {
  const settled = await reply;
  expect(settled.status, `${what}: ${settled.status} ${settled.text.slice(0, 200)}`).toBeLessThan(300);
  return settled;
}

export const controlPlane = {
  reset: (target: Target) => expectOk(control(target, 'POST', 'reset', {}), 'reset'),
  fault: (target: Target, fault: Record<string, unknown>) =>
    expectOk(control(target, 'POST', 'faults', fault), 'fault'),
  clearFaults: (target: Target) => expectOk(control(target, 'DELETE', 'faults'), 'clear faults'),
  expireTokens: (target: Target, login?: string) =>
    expectOk(control(target, 'POST', 'expire-tokens', login === undefined ? {} : { login }), 'expire tokens'),
  log: async (target: Target) => {
    const reply = await expectOk(control(target, 'GET', 'log'), 'log');
    return (reply.json as { requests: { method: string; path: string; status: number; at: string }[] })
      .requests;
  },
  clearLog: (target: Target) => expectOk(control(target, 'DELETE', 'log'), 'clear log'),
  raw: control,
};
