// The test control plane's state (interfaces.md, "Control plane"): injected faults and the request log.
import { badRequest } from './operations.ts';
import { isPlainObject } from './json.ts';

export interface Fault {
  readonly pattern: RegExp;
  readonly method: string | null;
  remaining: number;
  readonly status: number | undefined;
  readonly delayMs: number;
  readonly body: string | undefined;
  readonly malformed: boolean;
  readonly truncated: boolean;
  readonly drop: boolean;
  readonly after: boolean;
}

export interface LoggedRequest {
  readonly method: string;
  /** The path after /TrackIt/WebApi, as faults match it. */
  readonly path: string;
  readonly fullPath: string;
  readonly status: number;
  readonly at: string;
}

/** Whether the fault changes the answer; a fault with only `delayMs` just slows the real one down. */
export function replacesResponse(fault: Fault): boolean {
  return (
    fault.status !== undefined || fault.body !== undefined || fault.malformed || fault.truncated || fault.drop
  );
}

function optionalBool(body: Record<string, unknown>, name: string): boolean {
  const v = body[name];
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw badRequest(`${name} must be true or false.`);
  return v;
}

function optionalInt(
  body: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw badRequest(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return v;
}

export function parseFault(body: unknown): Fault {
  if (!isPlainObject(body)) throw badRequest('The fault must be a JSON object.');
  if (typeof body.path !== 'string' || body.path === '')
    throw badRequest('path is required (a regular expression).');
  let pattern: RegExp;
  try {
    pattern = new RegExp(body.path, 'i');
  } catch {
    throw badRequest(`path '${body.path}' is not a valid regular expression.`);
  }
  const method = body.method;
  if (method !== undefined && method !== null && typeof method !== 'string')
    throw badRequest('method must be a string.');
  const rawBody = body.body;
  if (rawBody !== undefined && rawBody !== null && typeof rawBody !== 'string')
    throw badRequest('body must be a string.');
  return {
    pattern,
    method: typeof method === 'string' ? method.toUpperCase() : null,
    remaining: optionalInt(body, 'count', 1, 1_000_000) ?? 1,
    status: optionalInt(body, 'status', 100, 599),
    delayMs: optionalInt(body, 'delayMs', 0, 120_000) ?? 0,
    body: typeof rawBody === 'string' ? rawBody : undefined,
    malformed: optionalBool(body, 'malformed'),
    truncated: optionalBool(body, 'truncated'),
    drop: optionalBool(body, 'drop'),
    after: optionalBool(body, 'after'),
  };
}

export class ControlState {
  private faults: Fault[] = [];
  private log: LoggedRequest[] = [];

  addFault(fault: Fault): void {
    this.faults.push(fault);
  }

  clearFaults(): void {
    this.faults = [];
  }

  get hasFaults(): boolean {
    return this.faults.length > 0;
  }

  /** The first live fault for this request; using it counts it down. */
  take(method: string, path: string): Fault | null {
    for (const fault of this.faults) {
      if (fault.remaining <= 0) continue;
      if (fault.method !== null && fault.method !== method) continue;
      if (!fault.pattern.test(path)) continue;
      fault.remaining--;
      if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
      return fault;
    }
    return null;
  }

  record(entry: LoggedRequest): void {
    this.log.push(entry);
    if (this.log.length > 1000) this.log.splice(0, this.log.length - 1000);
  }

  requests(): readonly LoggedRequest[] {
    return this.log;
  }

  clearLog(): void {
    this.log = [];
  }
}
