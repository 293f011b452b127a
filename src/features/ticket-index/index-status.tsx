import { Button, Group, Progress, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { IndexStats } from './index-snapshot.ts';
import type { SyncProgress } from './sync-engine.ts';
import { useIndexSync, useTicketIndex } from './ticket-index-provider.tsx';

// What every list screen says about its data (issue 5: "how many tickets are indexed, the newest id, and when
// it last synced"), with the sync's progress and a Pause/Resume button.

const numbers = new Intl.NumberFormat('en-US');

/** "just now", "2 min ago", "3 h ago", "4 days ago"; "never" without a time. */
export function formatAgo(at: number | null, now: number): string {
  if (at === null) return 'never';
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** "about 3 min left", "about 40 s left", "about 2 h left". */
export function formatTimeLeft(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} min left`;
  return `about ${Math.round(minutes / 60)} h left`;
}

/** "12,345 tickets indexed · newest #12,999 · synced 2 min ago" */
export function describeIndex(stats: IndexStats, now: number): string {
  const parts = [`${numbers.format(stats.count)} ${stats.count === 1 ? 'ticket' : 'tickets'} indexed`];
  if (stats.newestId !== null) parts.push(`newest #${numbers.format(stats.newestId)}`);
  parts.push(stats.lastSyncedAt === null ? 'not synced yet' : `synced ${formatAgo(stats.lastSyncedAt, now)}`);
  return parts.join(' · ');
}

/** "Syncing 4,200 of 10,000 ids · 35 per second · about 3 min left" (null when not walking). */
export function describeProgress(progress: SyncProgress | null): string | null {
  if (!progress || progress.total === 0) return null;
  const parts = [`${numbers.format(progress.done)} of ${numbers.format(progress.total)} ids`];
  if (progress.paused) parts.unshift('Sync paused');
  else if (progress.hidden) parts.unshift('Sync waits while this tab is hidden');
  else if (progress.phase === 'backing-off') parts.unshift('Sync retrying after an error');
  else parts.unshift('Syncing');
  if (!progress.paused && progress.ratePerSecond !== null)
    parts.push(`${numbers.format(Math.round(progress.ratePerSecond))} per second`);
  const left = progress.paused ? null : formatTimeLeft(progress.secondsLeft);
  if (left) parts.push(left);
  return parts.join(' · ');
}

/** What the live region announces: coarse (every 10 %), so a screen reader is not flooded at every batch. */
function announcement(progress: SyncProgress | null): string {
  if (!progress || progress.total === 0) return '';
  if (progress.paused) return 'Ticket sync paused.';
  const percent = Math.floor((progress.done / progress.total) * 10) * 10;
  return `Ticket sync ${percent}% done.`;
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export interface IndexStatusProps {
  /** Hide the Pause/Resume button (e.g. on a phone header). */
  hideControls?: boolean;
}

/** "12,345 tickets indexed · newest #12,999 · synced 2 min ago", the sync's progress and Pause/Resume. */
export function IndexStatus({ hideControls = false }: IndexStatusProps) {
  const { stats, version } = useTicketIndex();
  const { progress, pause, resume } = useIndexSync();
  const now = useNow(30_000);
  const walking = describeProgress(progress);
  const percent = progress && progress.total > 0 ? (progress.done / progress.total) * 100 : 0;
  return (
    <Group gap="xs" wrap="wrap" data-testid="index-status">
      <Text size="sm" c="dimmed">
        {version === 0 ? 'Opening the ticket index…' : describeIndex(stats, now)}
      </Text>
      {walking && (
        <>
          <Progress
            value={percent}
            w={120}
            size="sm"
            aria-label="Ticket sync progress"
            animated={!progress?.paused}
          />
          <Text size="sm" c="dimmed">
            {walking}
          </Text>
        </>
      )}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement(progress)}
      </VisuallyHidden>
      {!hideControls && progress && progress.phase !== 'stopped' && (
        <Button size="compact-xs" variant="default" onClick={() => (progress.paused ? resume() : pause())}>
          {progress.paused ? 'Resume sync' : 'Pause sync'}
        </Button>
      )}
    </Group>
  );
}
