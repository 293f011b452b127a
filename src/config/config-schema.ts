import * as z from 'zod/mini';

// The site's runtime configuration, read from `config.json` beside index.html at start-up. One build serves
// every site; only this file differs. The WebApi has no lookup endpoints (protocol-notes §2.2), so the
// vocabulary here is the first source of statuses, priorities, categories, note types, activity codes and
// technicians; values seen on loaded tickets add to it.
//
// zod/mini rather than zod: the classic API is not tree-shakable and cost the first page about 40 kB gzip of
// its 200 kB budget (issue 3); the functional API checks exactly the same things.

const text = () => z.string().check(z.minLength(1));
const textList = () => z._default(z.array(text()), []);
const int = (min: number, fallback: number, max?: number) =>
  z._default(
    max === undefined ? z.int().check(z.minimum(min)) : z.int().check(z.minimum(min), z.maximum(max)),
    fallback,
  );

export const statusTypeSchema = z.enum(['open', 'closed', 'stop-the-clock']);

export const vocabularySchema = z.object({
  statuses: z._default(
    z.array(z.object({ name: text(), type: statusTypeSchema, isDefaultClosed: z.optional(z.boolean()) })),
    [],
  ),
  priorities: textList(),
  /** Full paths, backslash-separated as Track-It! writes them (`Hardware\Printers`). */
  categories: textList(),
  noteTypes: textList(),
  activityCodes: textList(),
  groups: textList(),
  technicians: z._default(
    z.array(z.object({ login: text(), name: text(), group: z.optional(z.string()) })),
    [],
  ),
});

export const configSchema = z.object({
  /** Where the WebApi answers, same origin or through a reverse proxy (it sends no CORS headers). */
  apiBaseUrl: z._default(text(), '/TrackIt/WebApi'),
  siteName: z._default(z.string(), 'Track-It! Help Desk'),
  modules: z._default(z.object({ tickets: int(1, 24) }), { tickets: 24 }),
  vocabulary: z._default(vocabularySchema, {
    statuses: [],
    priorities: [],
    categories: [],
    noteTypes: [],
    activityCodes: [],
    groups: [],
    technicians: [],
  }),
  display: z._default(
    z.object({
      theme: z._default(z.enum(['auto', 'light', 'dark']), 'auto'),
      /** Notes longer than this are cut by the server (`maxContentLength`) and offered in full on request. */
      noteMaxContentLength: int(-1, 1500),
      defaultNotePrivate: z._default(z.boolean(), false),
      defaultNoteType: z.optional(z.string()),
      defaultActivityCode: z.optional(z.string()),
    }),
    { theme: 'auto', noteMaxContentLength: 1500, defaultNotePrivate: false },
  ),
  sync: z._default(
    z.object({
      enabled: z._default(z.boolean(), true),
      /** Requests in flight at once while walking ticket ids; keep it low against a production server. */
      concurrency: int(1, 4, 16),
      /** Pause between batches, in milliseconds. */
      batchDelayMs: int(0, 250),
      /** Re-read open and pinned tickets this often, in seconds. */
      refreshIntervalSeconds: int(15, 120),
    }),
    { enabled: true, concurrency: 4, batchDelayMs: 250, refreshIntervalSeconds: 120 },
  ),
});

export type AppConfig = z.infer<typeof configSchema>;
export type Vocabulary = z.infer<typeof vocabularySchema>;
export type StatusType = z.infer<typeof statusTypeSchema>;
