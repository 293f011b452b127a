// Issue 5, the ticket list with 10,000 tickets in the local index (headless Chromium, the built app served by the
// emulator process, signed in as TECH1; the background sync is switched off through config.json so that the
// index holds exactly the injected tickets):
// - filter keystroke -> updated list (goal: p95 <= 50 ms): a key typed into the text filter, timed inside the
//   page from the keydown to the animation frame after the list committed its new rows (the app marks
//   `ticket-list:rows-committed` when the filtered rows change; useDeferredValue may let the input paint first);
// - scrolling (goal: >= 58 fps, no frame over 33 ms, at most 60 row elements in the DOM): the list's scroll box
//   is moved 120 px every animation frame for three seconds, frame times taken from requestAnimationFrame.
// The 10,000 tickets (bench/index-fixtures.ts) are written into the app's own IndexedDB database by a script
// bundled with esbuild and run in the app's origin, then the page reloads and the app loads them on start-up.
import { loadavg } from 'node:os';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { Bench, BenchResult } from './bench-result.ts';
import { projectRoot } from './emulator-process.ts';
import { percentile, turnSyncOff, withUiHarness } from './ui-harness.ts';

const COUNT = 10_000;
const ROUNDS = 3;
const QUERY = 'printer jammed';
const SCROLL_MS = 3000;

const SEED_SCRIPT = `
import { benchTickets } from './index-fixtures.ts';
import { openIndexStore } from '../src/features/ticket-index/index-db.ts';
import { openTicketIndex } from '../src/features/ticket-index/index-snapshot.ts';
async function seed(apiBaseUrl, count) {
  const index = await openTicketIndex(await openIndexStore({ apiBaseUrl, technician: { group: 'HELP DESK', login: 'TECH1' } }));
  await index.upsert(benchTickets(count));
  await index.flush();
  index.close();
  await index.flush();
}
globalThis.listBenchSeed = seed;
`;

// In-page parts as text: tsx (esbuild keepNames) would wrap named functions in a `__name` helper the page lacks.
const ARM_KEYSTROKE = `(() => {
  window.__listSample = new Promise((resolve) => {
    let started = 0;
    const onKey = () => { started = performance.now(); };
    document.addEventListener('keydown', onKey, { capture: true, once: true });
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name === 'ticket-list:rows-committed' && started > 0 && entry.startTime >= started) {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
          return;
        }
      }
    });
    observer.observe({ type: 'mark' });
    setTimeout(() => { observer.disconnect(); resolve(-1); }, 3000);
  });
})()`;

const SCROLL = `((durationMs) => new Promise((resolve) => {
  const box = document.querySelector('[data-testid="ticket-list-scroll"]');
  const frames = [];
  let maxRows = 0;
  let last = performance.now();
  const started = last;
  box.scrollTop = 0;
  const step = (now) => {
    frames.push(now - last);
    last = now;
    maxRows = Math.max(maxRows, box.querySelectorAll('[role="row"][data-row-id]').length);
    box.scrollTop += 120;
    if (now - started < durationMs && box.scrollTop + box.clientHeight < box.scrollHeight) requestAnimationFrame(step);
    else resolve({ frames: frames.slice(1), elapsed: now - started, maxRows, scrolledTo: box.scrollTop });
  };
  requestAnimationFrame((now) => { last = now; requestAnimationFrame(step); });
}))`;

async function keystroke(page: Page, key: string): Promise<number> {
  await page.evaluate(ARM_KEYSTROKE);
  await page.keyboard.press(key);
  return (await page.evaluate('window.__listSample')) as number;
}

export const uiListBench: Bench = {
  name: 'ui-list',
  async run(): Promise<BenchResult> {
    const loadBefore = loadavg()[0]!;
    const seedBundle = await build({
      stdin: { contents: SEED_SCRIPT, resolveDir: `${projectRoot}/bench`, loader: 'ts' },
      bundle: true,
      format: 'iife',
      write: false,
      target: 'es2022',
      platform: 'browser',
    });
    return withUiHarness({ seedTickets: 300 }, async ({ origin, newPage, signIn }) => {
      // bypassCSP: the seeding script is injected inline; the production CSP (script-src 'self') would refuse it.
      const page = await newPage({ bypassCSP: true });
      await turnSyncOff(page);
      await signIn(page);
      await page.addScriptTag({ content: seedBundle.outputFiles[0]!.text });
      await page.evaluate(
        ([base, count]) =>
          (globalThis as unknown as { listBenchSeed: (b: string, c: number) => Promise<void> }).listBenchSeed(
            base,
            count,
          ),
        [`${origin}/TrackIt/WebApi/`, COUNT] as const,
      );
      await page.goto(`${origin}/tickets?view=all`);
      await page
        .getByText(`${COUNT.toLocaleString('en-US')} tickets`, { exact: true })
        .waitFor({ timeout: 30_000 });

      const box = page.getByRole('searchbox', { name: 'Filter tickets by text' });
      await box.click();
      // One round unmeasured: the first keystrokes build the lower-cased search text of every ticket.
      for (const char of QUERY) await keystroke(page, char === ' ' ? 'Space' : char);
      for (let i = 0; i < QUERY.length; i++) await keystroke(page, 'Backspace');
      const samples: number[] = [];
      let missed = 0;
      for (let round = 0; round < ROUNDS; round++) {
        for (const char of QUERY) {
          const ms = await keystroke(page, char === ' ' ? 'Space' : char);
          if (ms < 0) missed++;
          else samples.push(ms);
        }
        for (let i = 0; i < QUERY.length; i++) {
          const ms = await keystroke(page, 'Backspace');
          if (ms < 0) missed++;
          else samples.push(ms);
        }
      }
      await box.fill('');
      await page.getByText(`${COUNT.toLocaleString('en-US')} tickets`, { exact: true }).waitFor();
      await page.locator('[data-testid="ticket-list-scroll"]').hover();
      const scroll = (await page.evaluate(`${SCROLL}(${SCROLL_MS})`)) as {
        frames: number[];
        elapsed: number;
        maxRows: number;
        scrolledTo: number;
      };
      const loadAfter = loadavg()[0]!;
      const fps = (scroll.frames.length / scroll.elapsed) * 1000;
      const longFrames = scroll.frames.filter((ms) => ms > 33).length;
      return {
        name: 'ui-list',
        title: 'Ticket list: filter keystroke and scrolling with 10,000 indexed tickets (headless Chromium)',
        metrics: [
          {
            name: 'filter keystroke -> updated list: p95',
            value: percentile(samples, 95),
            unit: 'ms',
            goal: { op: '<=', value: 50 },
          },
          { name: 'filter keystroke -> updated list: median', value: percentile(samples, 50), unit: 'ms' },
          { name: 'filter keystroke -> updated list: worst', value: Math.max(...samples), unit: 'ms' },
          { name: 'scrolling: frame rate', value: fps, unit: 'fps', goal: { op: '>=', value: 58 } },
          {
            name: 'scrolling: longest frame',
            value: Math.max(...scroll.frames),
            unit: 'ms',
            goal: { op: '<=', value: 33 },
          },
          { name: 'scrolling: frames over 33 ms', value: longFrames, unit: 'frames' },
          {
            name: 'scrolling: most row elements in the DOM',
            value: scroll.maxRows,
            unit: 'rows',
            goal: { op: '<=', value: 60 },
          },
        ],
        notes: [
          `${COUNT.toLocaleString('en-US')} tickets (bench/index-fixtures.ts) written into the app's IndexedDB, list view "All indexed" (sorted by id), default columns, 1280×800.`,
          `Keystrokes: "${QUERY}" typed and erased ${ROUNDS} times after one unmeasured round, ${samples.length} samples${missed > 0 ? `, ${missed} keystrokes changed nothing in 3 s` : ''}; each from keydown to the animation frame after the app's ticket-list:rows-committed mark.`,
          `Scrolling: 120 px per animation frame for up to ${SCROLL_MS / 1000} s, ${scroll.frames.length} frames in ${Math.round(scroll.elapsed)} ms, scrolled to ${Math.round(scroll.scrolledTo).toLocaleString('en-US')} px.`,
          `Load average (1 min) before/after: ${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)} — other work shared the machine; headless Chromium paces animation frames at 60 Hz.`,
        ],
      };
    });
  },
};
