import { describe, expect, it } from 'vitest';
import { describeIndex, describeProgress, formatAgo, formatTimeLeft } from './index-status.tsx';
import type { SyncProgress } from './sync-engine.ts';

const NOW = Date.UTC(2026, 10, 28, 6, 0, 0);

const walking: SyncProgress = {
  phase: 'walking',
  paused: false,
  hidden: false,
  done: 4200,
  total: 10_000,
  ratePerSecond: 35.4,
  secondsLeft: 164,
  newestId: 12_999,
  requests: 4300,
  lastError: null,
  retryAt: null,
};

describe('the index status line', () => {
  it('says how many tickets are indexed, the newest id and when it last synced', () => {
    expect(
      describeIndex(
        {
          count: 12_345,
          newestId: 12_999,
          lastSyncedAt: NOW - 2 * 60_000,
          lastFullSyncAt: null,
          missingCount: 3,
          pendingIds: 0,
        },
        NOW,
      ),
    ).toBe('12,345 tickets indexed · newest #12,999 · synced 2 min ago');
    expect(
      describeIndex(
        {
          count: 0,
          newestId: null,
          lastSyncedAt: null,
          lastFullSyncAt: null,
          missingCount: 0,
          pendingIds: 0,
        },
        NOW,
      ),
    ).toBe('0 tickets indexed · not synced yet');
  });

  it('shows the sync progress with its rate and time left, and says when it is paused or waiting', () => {
    expect(describeProgress(walking)).toBe(
      'Syncing · 4,200 of 10,000 ids · 35 per second · about 3 min left',
    );
    expect(describeProgress({ ...walking, paused: true })).toBe('Sync paused · 4,200 of 10,000 ids');
    expect(describeProgress({ ...walking, hidden: true })).toMatch(/^Sync waits while this tab is hidden/);
    expect(describeProgress({ ...walking, total: 0, done: 0 })).toBeNull();
  });

  it('writes times the way people say them', () => {
    expect(formatAgo(NOW - 10_000, NOW)).toBe('just now');
    expect(formatAgo(NOW - 3 * 3_600_000, NOW)).toBe('3 h ago');
    expect(formatAgo(NOW - 26 * 3_600_000, NOW)).toBe('1 day ago');
    expect(formatTimeLeft(40)).toBe('about 40 s left');
    expect(formatTimeLeft(2 * 3600)).toBe('about 2 h left');
    expect(formatTimeLeft(null)).toBeNull();
  });
});
