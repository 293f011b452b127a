// Test support (unit tests only): a scripted fetch that records every call. ky hands fetch a Request; the
// session calls fetch(url, init); both are read the same way here.

export interface RecordedCall {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

export type FakeHandler = (call: RecordedCall) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: typeof fetch;
  calls: RecordedCall[];
  callsTo(pathEnd: string): RecordedCall[];
}

export function createFakeFetch(handler: FakeHandler): FakeFetch {
  const calls: RecordedCall[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : null;
    const url = new URL(request ? request.url : input instanceof URL ? input.href : String(input));
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const headers = new Headers(request ? request.headers : undefined);
    new Headers(init?.headers).forEach((value, key) => headers.set(key, value));
    let body = '';
    if (typeof init?.body === 'string') body = init.body;
    else if (request && request.body) body = await request.clone().text();
    const call: RecordedCall = { method, url, headers, body };
    calls.push(call);
    return handler(call);
  };
  return {
    fetch: fetchImpl as typeof fetch,
    calls,
    callsTo: (pathEnd) =>
      calls.filter((call) => call.url.pathname.toLowerCase().endsWith(pathEnd.toLowerCase())),
  };
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function textResponse(text: string, status = 200, contentType = 'text/html'): Response {
  return new Response(text, { status, headers: { 'Content-Type': contentType } });
}
