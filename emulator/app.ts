// The emulator's HTTP surface: a Hono app made by a factory; main.ts is the only file that opens a socket.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { authenticate, tokenRequest } from './auth.ts';
import type { Authenticated } from './auth.ts';
import {
  assignmentFields,
  attachmentFields,
  noteFields,
  templateFields,
  ticketFieldBySeq,
  ticketFields,
  ticketModuleIds,
} from './catalog.ts';
import { ControlState, parseFault, replacesResponse } from './control.ts';
import type { Fault } from './control.ts';
import { isPlainObject, JsonSyntaxError, parseJson } from './json.ts';
import type { Values } from './model.ts';
import {
  HttpError,
  addNote,
  badRequest,
  changeStatus,
  closeTicket,
  createTicket,
  deleteTicket,
  notFound,
  requirePermission,
  updateTicket,
  visibleTicket,
} from './operations.ts';
import { createRenderer, fieldNamesJson } from './render.ts';
import type { Shape } from './settings.ts';
import { mountSpa } from './static.ts';
import type { Store } from './store.ts';
import { formatMicros } from './time.ts';

export interface AppOptions {
  readonly shape?: Shape;
  readonly tokenTtlSeconds?: number;
  readonly latencyMs?: number;
  readonly control?: boolean;
  /** A built SPA to serve (`--app dist`). */
  readonly appDir?: string;
  /** Where the SPA lives, e.g. `/helpdesk/` (default `/`). */
  readonly appBase?: string;
}

interface NodeBindings {
  incoming?: IncomingMessage;
  outgoing?: ServerResponse;
}

type AppEnv = { Bindings: NodeBindings };
export type EmulatorApp = Hono<AppEnv>;
type Ctx = Context<AppEnv>;

const BASE = '/trackit/webapi';
const MAX_BODY_BYTES = 1024 * 1024;
const INT32_MAX = 2_147_483_647;
const JSON_TYPE = 'application/json; charset=utf-8';
/** Every WebApi answer is JSON that must not be sniffed or cached (a token or a ticket in a shared cache leaks). */
const API_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Type': JSON_TYPE,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
});

/** Header a response carries when a fault asks for the connection to be dropped (see testing.ts for in-process use). */
export const DROP_HEADER = 'x-emulator-drop';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** IIS and ASP.NET Web API route without regard to case (protocol-notes §3): route on the lower-cased path. */
function routingPath(request: Request): string {
  const url = request.url;
  const start = url.indexOf('/', url.indexOf('://') + 3);
  if (start < 0) return '/';
  let end = url.indexOf('?', start);
  const hash = url.indexOf('#', start);
  if (end < 0 || (hash >= 0 && hash < end)) end = hash >= 0 ? hash : url.length;
  return url.slice(start, end).toLowerCase();
}

function originalPath(url: string): string {
  const start = url.indexOf('/', url.indexOf('://') + 3);
  if (start < 0) return '/';
  const q = url.search(/[?#]/);
  return url.slice(start, q > start ? q : url.length);
}

function message(status: number, text: string, extra?: Record<string, string>): Response {
  return new Response(JSON.stringify({ Message: text }), {
    status,
    headers: { ...API_HEADERS, ...extra },
  });
}

function jsonText(body: string, status = 200): Response {
  // Headers set at construction, not patched later: @hono/node-server then writes the string body directly.
  // A fresh object each time: the server adds Content-Length to the one it is given.
  return new Response(body, { status, headers: { ...API_HEADERS } });
}

/** Path ids are int32 in the real server's routes (protocol-notes §2.1): anything else is "The request is invalid." */
function intParam(raw: string | undefined): number {
  if (raw === undefined || !/^\d{1,10}$/.test(raw)) throw badRequest('The request is invalid.');
  const value = Number(raw);
  if (value > INT32_MAX) throw badRequest('The request is invalid.');
  return value;
}

async function readBodyText(c: Ctx): Promise<string> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) {
    throw new HttpError(413, 'The request body is too large (the limit is 1 MB).');
  }
  const stream = c.req.raw.body;
  if (!stream) return '';
  // Read chunk by chunk and stop at the limit: a chunked body without Content-Length cannot fill memory.
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new HttpError(413, 'The request body is too large (the limit is 1 MB).');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The JSON body, or undefined when there is none. A literal `updateInput:` prefix is not JSON (protocol-notes §5 #11). */
async function readJson(c: Ctx): Promise<unknown> {
  const text = await readBodyText(c);
  if (text.trim() === '') return undefined;
  // Web API picks a formatter by media type: a body that is not declared as JSON cannot be read (415).
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!/^(application|text)\/(json|[\w.-]+\+json)$/.test(type)) {
    throw new HttpError(
      415,
      `The request entity's media type '${type || 'application/octet-stream'}' is not supported for this resource.`,
    );
  }
  try {
    return parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError)
      throw badRequest(`The request body is not valid JSON: ${error.message}.`);
    throw error;
  }
}

/** Query parameter names are case-insensitive in Web API model binding. */
function queryParam(c: Ctx, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of new URL(c.req.url).searchParams) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

function paging(c: Ctx): { limit: number; offset: number } {
  const size = intParam(c.req.param('ps'));
  const page = intParam(c.req.param('pn'));
  // "If zero is specified for PageSize or PageNumber, all records are retrieved"; pages count from 1.
  if (size === 0 || page === 0) return { limit: -1, offset: 0 };
  const offset = (page - 1) * size;
  return { limit: size, offset: Math.min(offset, Number.MAX_SAFE_INTEGER) };
}

function listJson(key: string, count: number, records: readonly string[]): string {
  return `{"Count":${count},${JSON.stringify(key)}:[${records.join(',')}]}`;
}

export function createApp(store: Store, options: AppOptions = {}): EmulatorApp {
  const shape: Shape = options.shape ?? 'observed';
  const ttl = options.tokenTtlSeconds ?? 1799;
  const latency = options.latencyMs ?? 0;
  const controlOn = options.control ?? false;
  const control = new ControlState();
  const ticketRenderer = createRenderer(ticketFields);
  const noteRenderer = createRenderer(noteFields);
  const attachmentRenderer = createRenderer(attachmentFields);
  const assignmentRenderer = createRenderer(assignmentFields);
  const templateRenderer = createRenderer(templateFields);
  const ticketKey = shape === 'doc' ? 'Tickets' : 'Ticket';
  const noteKey = shape === 'doc' ? 'TicketNote' : 'Note';
  const moduleFieldsJson = fieldNamesJson(ticketFields);

  const app = new Hono<AppEnv>({ getPath: routingPath });
  const renderedTickets = new Map<number, { version: number; groupSeq: number; body: string }>();

  const ticketJson = (values: Values): string =>
    `{${JSON.stringify(ticketKey)}:${ticketRenderer.json(values)}}`;
  const ticketAndNote = (values: Values, note: Values, key: string): string =>
    `{"Ticket":${ticketRenderer.json(values)},${JSON.stringify(key)}:${noteRenderer.json(note)}}`;

  const auth = (c: Ctx): Authenticated => {
    const result = authenticate(store, c.req.header('authorization'));
    if (!result) throw new HttpError(401, 'Authorization has been denied for this request.');
    return result;
  };

  app.onError((error, c) => {
    if (error instanceof HttpError) {
      return message(
        error.status,
        error.message,
        error.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : undefined,
      );
    }
    if (!store.db.open) return message(503, 'The service is unavailable.');
    // Anything else is an emulator bug; nothing a client sends may produce a 500 (issue 2). Log it loudly so it
    // gets fixed, and answer like model binding would for input it could not handle.
    console.error(`emulator: unexpected error on ${c.req.method} ${c.req.url}:`, error);
    if (error instanceof TypeError || error instanceof RangeError || error instanceof SyntaxError) {
      return message(400, 'The request is invalid.');
    }
    return message(500, 'An error has occurred.');
  });

  // ---- control plane (tests only) ------------------------------------------------------------------------------
  if (controlOn) {
    app.post('/__emulator/reset', () => {
      store.reset();
      control.clearFaults();
      return jsonText('{"success":true}');
    });
    app.post('/__emulator/faults', async (c) => {
      control.addFault(parseFault(await readJson(c)));
      return jsonText('{"success":true}');
    });
    app.delete('/__emulator/faults', () => {
      control.clearFaults();
      return jsonText('{"success":true}');
    });
    app.post('/__emulator/expire-tokens', async (c) => {
      const body = await readJson(c);
      const login = isPlainObject(body) ? body.login : undefined;
      if (login === undefined || login === null) {
        store.expireSessions(null);
      } else {
        const tech = typeof login === 'string' ? store.vocab.techByLogin.get(login.toLowerCase()) : undefined;
        if (!tech) throw badRequest(`No technician has the login '${String(login)}'.`);
        store.expireSessions(tech.seq);
      }
      return jsonText('{"success":true}');
    });
    app.get('/__emulator/log', () => jsonText(JSON.stringify({ requests: control.requests() })));
    app.delete('/__emulator/log', () => {
      control.clearLog();
      return jsonText('{"success":true}');
    });
  }

  // ---- WebApi middleware: latency, faults, log, headers --------------------------------------------------------
  const faultResponse = async (fault: Fault, real: Response | null): Promise<Response> => {
    const status = fault.status ?? (fault.malformed || fault.truncated ? (real?.status ?? 200) : 500);
    if (fault.body !== undefined) {
      // A proxy's error page is HTML, a Web API error JSON: label the raw text by what it looks like.
      const head = fault.body.trimStart();
      const type = head.startsWith('<')
        ? 'text/html; charset=utf-8'
        : /^[[{]/.test(head)
          ? JSON_TYPE
          : 'text/plain; charset=utf-8';
      return new Response(fault.body, { status, headers: { 'Content-Type': type } });
    }
    if (fault.malformed) {
      return new Response('{"Ticket": {"1": {"DisplayName": "Ticket ID", "Value": 10', {
        status,
        headers: { 'Content-Type': JSON_TYPE },
      });
    }
    if (fault.truncated) {
      const text = real
        ? await real.text()
        : '{"Count": 12, "TicketNotes": [{"1": {"DisplayName": "Sequence", "Value": 1001}}, {"1":';
      return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
        status,
        headers: { 'Content-Type': JSON_TYPE },
      });
    }
    return message(status, 'An error has occurred.');
  };

  const drop = (c: Ctx): Response => {
    c.env?.incoming?.socket.destroy();
    return new Response(null, { status: 599, headers: { [DROP_HEADER]: '1' } });
  };

  app.use(`${BASE}/*`, async (c, next) => {
    const fullPath = originalPath(c.req.url);
    const subPath = fullPath.slice(BASE.length) || '/';
    const method = c.req.method;
    if (latency > 0) await sleep(latency);
    // A test may close the emulator while its app still has requests in flight: answer like a stopped service.
    if (!store.db.open) {
      c.res = message(503, 'The service is unavailable.');
      return;
    }
    const fault = controlOn && control.hasFaults ? control.take(method, subPath) : null;
    if (fault && fault.delayMs > 0) await sleep(fault.delayMs);
    if (fault && replacesResponse(fault) && !fault.after) {
      if (fault.drop) {
        c.res = drop(c);
      } else if (fault.truncated && fault.body === undefined && (method === 'GET' || method === 'HEAD')) {
        await next();
        c.res = await faultResponse(fault, c.res);
      } else {
        c.res = await faultResponse(fault, null);
      }
    } else {
      await next();
      if (fault && replacesResponse(fault) && fault.after) {
        c.res = fault.drop ? drop(c) : await faultResponse(fault, c.res);
      }
    }
    if (fault) {
      c.res.headers.set('X-Content-Type-Options', 'nosniff');
      c.res.headers.set('Cache-Control', 'no-store');
    }
    if (controlOn) {
      control.record({
        method,
        path: subPath,
        fullPath,
        status: fault?.drop ? 0 : c.res.status,
        at: formatMicros(Date.now() * 1000),
      });
    }
  });

  // ---- routes --------------------------------------------------------------------------------------------------
  type Handler = (c: Ctx) => Response | Promise<Response>;
  const api = (path: string, methods: Partial<Record<'GET' | 'POST', Handler>>): void => {
    app.all(`${BASE}${path}`, (c) => {
      const handler = methods[c.req.method as 'GET' | 'POST'];
      if (!handler) {
        return message(405, `The requested resource does not support http method '${c.req.method}'.`);
      }
      return handler(c);
    });
  };

  // OWIN reads the token request from a form body whatever the verb (protocol-notes §1.1: a GET with a form works).
  const token: Handler = async (c) => {
    const text = await readBodyText(c);
    const type = c.req.header('content-type') ?? '';
    const form = type.toLowerCase().includes('application/x-www-form-urlencoded')
      ? new URLSearchParams(text)
      : new URLSearchParams();
    const outcome = tokenRequest(store, form, ttl);
    return new Response(JSON.stringify(outcome.body), {
      status: outcome.status,
      headers: { ...API_HEADERS, Pragma: 'no-cache', Expires: '-1' },
    });
  };
  api('/token', { GET: token, POST: token });

  api('/technicians/logout', {
    GET: (c) => {
      const { session } = auth(c);
      store.revokeSession(session.accessToken);
      return jsonText('{"success":true}');
    },
  });

  api('/tickets/templates', {
    GET: (c) => {
      const { actor } = auth(c);
      const records = store.vocab.ref.templates
        .filter(
          (t) =>
            t.active && (t.groups === null || actor.tech.allGroups || t.groups.includes(actor.group.seq)),
        )
        .map((t) =>
          templateRenderer.json({
            1: t.seq,
            2: t.lastModified,
            3: t.name,
            4: t.description,
            6: t.data,
            10: t.selfService,
          }),
        );
      return jsonText(`{"TicketTemplates":[${records.join(',')}]}`);
    },
  });

  api('/tickets/note/:noteId', {
    GET: (c) => {
      const { actor } = auth(c);
      const noteId = intParam(c.req.param('noteId'));
      requirePermission(actor, 'View Ticket Notes');
      const note = store.getNote(noteId);
      const ticket = note ? store.getTicket(note.ticketId) : undefined;
      if (!note || !ticket || !store.vocab.canSee(actor.tech, actor.group.seq, ticket.groupSeq)) {
        throw new HttpError(404, `Note ${noteId} was not found.`);
      }
      // An array of one, as the doc page shows (protocol-notes §5 #5).
      return jsonText(`{"Note":[${noteRenderer.json(note.values)}]}`);
    },
  });

  api('/tickets/:id/notes/:ps/:pn', {
    GET: (c) => {
      const { actor } = auth(c);
      const id = intParam(c.req.param('id'));
      const { limit, offset } = paging(c);
      const maxRaw = queryParam(c, 'maxContentLength');
      let max = -1;
      if (maxRaw !== undefined && maxRaw !== '') {
        if (!/^-?\d{1,10}$/.test(maxRaw.trim())) throw badRequest('The request is invalid.');
        max = Number(maxRaw.trim());
      }
      const systemRaw = queryParam(c, 'SystemNote');
      let withSystem = false;
      if (systemRaw !== undefined && systemRaw !== '') {
        if (!/^(true|false)$/i.test(systemRaw.trim())) throw badRequest('The request is invalid.');
        withSystem = systemRaw.trim().toLowerCase() === 'true';
      }
      requirePermission(actor, 'View Ticket Notes');
      visibleTicket(store, actor, id);
      const { count, rows } = store.notes(id, withSystem, limit, offset);
      const records = rows.map((row) => {
        const text = row.values[5];
        // -1 (the default) returns everything; so does 0, as with paging (protocol-notes §5 #27).
        if (max > 0 && typeof text === 'string' && text.length > max) {
          return noteRenderer.json({ ...row.values, 5: text.slice(0, max) });
        }
        return noteRenderer.json(row.values);
      });
      return jsonText(listJson('TicketNotes', count, records));
    },
  });

  api('/tickets/:id/attachments/:ps/:pn', {
    GET: (c) => {
      const { actor } = auth(c);
      const id = intParam(c.req.param('id'));
      const { limit, offset } = paging(c);
      requirePermission(actor, 'View Attachment');
      // "Data Segregation is not applicable" to attachments (protocol-notes §5 #26): the ticket need only exist.
      if (!store.getTicketRaw(id)) throw notFound(id);
      const { count, rows } = store.attachments(id, limit, offset);
      return jsonText(
        listJson(
          'TicketAttachments',
          count,
          rows.map((r) => attachmentRenderer.json(r.values)),
        ),
      );
    },
  });

  api('/tickets/:id/assignments/:ps/:pn', {
    GET: (c) => {
      const { actor } = auth(c);
      const id = intParam(c.req.param('id'));
      const { limit, offset } = paging(c);
      requirePermission(actor, 'View Assignment');
      visibleTicket(store, actor, id);
      const { count, rows } = store.assignments(id, limit, offset);
      return jsonText(
        listJson(
          'Assignments',
          count,
          rows.map((r) => assignmentRenderer.json(r.values)),
        ),
      );
    },
  });

  const post = (fn: (c: Ctx, authn: Authenticated, id: number) => Promise<Response>): Handler => {
    return async (c) => {
      const authn = auth(c);
      const id = intParam(c.req.param('id'));
      return fn(c, authn, id);
    };
  };

  api('/tickets/:id/addnote', {
    POST: post(async (c, { actor }, id) => {
      const result = addNote(store, actor, id, await readJson(c));
      return jsonText(ticketAndNote(result.values, result.note, noteKey));
    }),
  });

  api('/tickets/:id/changestatus', {
    POST: post(async (c, { actor }, id) => {
      const result = changeStatus(store, actor, id, await readJson(c));
      return jsonText(ticketAndNote(result.values, result.note, noteKey));
    }),
  });

  api('/tickets/:id/close', {
    POST: post(async (c, { actor }, id) => {
      const result = closeTicket(store, actor, id, await readJson(c));
      return jsonText(ticketAndNote(result.values, result.note, 'Note'));
    }),
  });

  api('/tickets/:id/delete', {
    POST: post(async (c, { actor }, id) => {
      await readBodyText(c);
      deleteTicket(store, actor, id);
      return jsonText('{"success":true}');
    }),
  });

  api('/tickets/:id', {
    GET: (c) => {
      const { actor } = auth(c);
      const id = intParam(c.req.param('id'));
      requirePermission(actor, 'View Ticket');
      // The hot path (issue 2: >= 1,500 req/s): rendered tickets are cached until the store changes.
      let cached = renderedTickets.get(id);
      if (!cached || cached.version !== store.version) {
        const raw = store.getTicketRaw(id);
        if (!raw) throw notFound(id);
        cached = {
          version: store.version,
          groupSeq: raw.group_seq,
          body: ticketJson(JSON.parse(raw.fields) as Values),
        };
        if (renderedTickets.size >= 20_000) renderedTickets.clear();
        renderedTickets.set(id, cached);
      }
      if (!store.vocab.canSee(actor.tech, actor.group.seq, cached.groupSeq)) throw notFound(id);
      return jsonText(cached.body);
    },
    POST: post(async (c, { actor }, id) => {
      const result = updateTicket(store, actor, id, await readJson(c));
      return jsonText(ticketJson(result.values));
    }),
  });

  api('/tickets', {
    POST: async (c) => {
      const { actor } = auth(c);
      const result = createTicket(store, actor, await readJson(c));
      return jsonText(ticketJson(result.values));
    },
  });

  api('/module/:seq/fields', {
    GET: (c) => {
      auth(c);
      const seq = intParam(c.req.param('seq'));
      if (!ticketModuleIds.has(seq)) throw new HttpError(404, `Module ${seq} was not found.`);
      return jsonText(moduleFieldsJson);
    },
  });

  api('/searches', {
    POST: async (c) => {
      const { actor } = auth(c);
      const body = await readJson(c);
      if (!isPlainObject(body)) throw badRequest('The request body must be a JSON object.');
      const intField = (name: string, fallback: number): number => {
        const raw = body[name];
        if (raw === undefined || raw === null) return fallback;
        if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > INT32_MAX) {
          throw badRequest(`${name} must be a whole number of 0 or more.`);
        }
        return raw;
      };
      const termRaw = body.Term;
      if (termRaw !== undefined && termRaw !== null && typeof termRaw !== 'string')
        throw badRequest('Term must be a string.');
      const term = (termRaw ?? '').trim();
      const moduleId = intField('ModuleId', 0);
      if (moduleId !== 0 && !ticketModuleIds.has(moduleId))
        throw badRequest(`Module ${moduleId} cannot be searched.`);
      const size = intField('PageSize', 0);
      const page = intField('PageNumber', 0);
      intField('Mode', 0);
      let only: Set<number> | undefined;
      const fields = body.ResultFields;
      if (fields !== undefined && fields !== null) {
        if (!Array.isArray(fields) || fields.some((f) => typeof f !== 'number' || !Number.isInteger(f))) {
          throw badRequest('ResultFields must be an array of field sequence numbers.');
        }
        if (fields.length > 0)
          only = new Set<number>([1, ...(fields as number[]).filter((f) => ticketFieldBySeq.has(f))]);
      }
      requirePermission(actor, 'View Ticket');
      const all = size === 0 || page === 0;
      const numeric = /^\d{1,10}$/.test(term) && Number(term) <= INT32_MAX ? Number(term) : null;
      const groups = actor.tech.allGroups ? null : [actor.group.seq];
      const { count, rows } = store.searchTickets(
        term.toLowerCase(),
        numeric,
        groups,
        all ? -1 : size,
        all ? 0 : Math.min((page - 1) * size, Number.MAX_SAFE_INTEGER),
      );
      return jsonText(
        `{"Count":${count},"Results":[${rows.map((r) => ticketRenderer.json(r.values, only)).join(',')}]}`,
      );
    },
  });

  // Anything else under the WebApi is Web API's "no resource" 404.
  app.all(`${BASE}/*`, (c) =>
    message(404, `No HTTP resource was found that matches the request URI '${c.req.url}'.`),
  );
  app.all(BASE, (c) =>
    message(404, `No HTTP resource was found that matches the request URI '${c.req.url}'.`),
  );

  mountSpa(app, store, { appDir: options.appDir, appBase: options.appBase ?? '/' });
  return app;
}
