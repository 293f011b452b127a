import { z } from 'zod';

// The site's runtime configuration, read from `config.json` beside index.html at start-up. One build serves
// every site; only this file differs. The WebApi has no lookup endpoints (protocol-notes §2.2), so the
// vocabulary here is the first source of statuses, priorities, categories, note types, activity codes and
// technicians; values seen on loaded tickets add to it.

export const statusTypeSchema = z.enum(['open', 'closed', 'stop-the-clock']);

export const vocabularySchema = z.object({
  statuses: z
    .array(
      z.object({ name: z.string().min(1), type: statusTypeSchema, isDefaultClosed: z.boolean().optional() }),
    )
    .default([]),
  priorities: z.array(z.string().min(1)).default([]),
  /** Full paths, backslash-separated as Track-It! writes them (`Hardware\Printers`). */
  categories: z.array(z.string().min(1)).default([]),
  noteTypes: z.array(z.string().min(1)).default([]),
  activityCodes: z.array(z.string().min(1)).default([]),
  groups: z.array(z.string().min(1)).default([]),
  technicians: z
    .array(
      z.object({
        login: z.string().min(1),
        name: z.string().min(1),
        group: z.string().optional(),
      }),
    )
    .default([]),
});

export const configSchema = z.object({
  /** Where the WebApi answers, same origin or through a reverse proxy (it sends no CORS headers). */
  apiBaseUrl: z.string().min(1).default('/TrackIt/WebApi'),
  siteName: z.string().default('Track-It! Help Desk'),
  modules: z.object({ tickets: z.number().int().positive().default(24) }).default({ tickets: 24 }),
  vocabulary: vocabularySchema.default({
    statuses: [],
    priorities: [],
    categories: [],
    noteTypes: [],
    activityCodes: [],
    groups: [],
    technicians: [],
  }),
  display: z
    .object({
      theme: z.enum(['auto', 'light', 'dark']).default('auto'),
      /** Notes longer than this are cut by the server (`maxContentLength`) and offered in full on request. */
      noteMaxContentLength: z.number().int().min(-1).default(1500),
      defaultNotePrivate: z.boolean().default(false),
      defaultNoteType: z.string().optional(),
      defaultActivityCode: z.string().optional(),
    })
    .default({ theme: 'auto', noteMaxContentLength: 1500, defaultNotePrivate: false }),
  sync: z
    .object({
      enabled: z.boolean().default(true),
      /** Requests in flight at once while walking ticket ids; keep it low against a production server. */
      concurrency: z.number().int().min(1).max(16).default(4),
      /** Pause between batches, in milliseconds. */
      batchDelayMs: z.number().int().min(0).default(250),
      /** Re-read open and pinned tickets this often, in seconds. */
      refreshIntervalSeconds: z.number().int().min(15).default(120),
    })
    .default({ enabled: true, concurrency: 4, batchDelayMs: 250, refreshIntervalSeconds: 120 }),
});

export type AppConfig = z.infer<typeof configSchema>;
export type Vocabulary = z.infer<typeof vocabularySchema>;
export type StatusType = z.infer<typeof statusTypeSchema>;
