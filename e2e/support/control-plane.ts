// The emulator's test-only control plane (interfaces.md, "Control plane"), driven over HTTP.

export interface Fault {
  /** Regex, case-insensitive, matched against the path after /TrackIt/WebApi, e.g. '^/tickets/101$'. */
  path: string;
  method?: 'GET' | 'POST';
  count?: number;
  status?: number;
  delayMs?: number;
  body?: string;
  malformed?: boolean;
  truncated?: boolean;
  drop?: boolean;
  after?: boolean;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  at: string;
}

export interface ControlPlane {
  reset(): Promise<void>;
  addFault(fault: Fault): Promise<void>;
  clearFaults(): Promise<void>;
  expireTokens(login?: string): Promise<void>;
  log(): Promise<LoggedRequest[]>;
  clearLog(): Promise<void>;
}

export function controlPlane(origin: string): ControlPlane {
  const call = async (method: string, route: string, body?: unknown): Promise<Response> => {
    const response = await fetch(`${origin}/__emulator/${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(
        `control plane ${method} ${route} answered ${response.status}: ${await response.text()}`,
      );
    }
    return response;
  };
  return {
    reset: async () => void (await call('POST', 'reset')),
    addFault: async (fault) => void (await call('POST', 'faults', fault)),
    clearFaults: async () => void (await call('DELETE', 'faults')),
    expireTokens: async (login) => void (await call('POST', 'expire-tokens', login ? { login } : {})),
    log: async () => {
      const body = (await (await call('GET', 'log')).json()) as { requests: LoggedRequest[] };
      return body.requests;
    },
    clearLog: async () => void (await call('DELETE', 'log')),
  };
}
