import type { StatusType, Vocabulary } from '../../config/config-schema.ts';
import { CheckIcon, OpenStatusIcon, PausedStatusIcon } from '../../ui/icons.tsx';
import classes from './tickets.module.css';

const typeWords: Record<StatusType, string> = {
  open: 'open',
  'stop-the-clock': 'clock stopped',
  closed: 'closed',
};

/** A status's type from the site's vocabulary (config.json); null for a status the site did not list. */
export function statusTypeOf(
  vocabulary: Pick<Vocabulary, 'statuses'>,
  status: string | null,
): StatusType | null {
  if (status === null) return null;
  const wanted = status.trim().toLowerCase();
  return vocabulary.statuses.find((entry) => entry.name.trim().toLowerCase() === wanted)?.type ?? null;
}

export interface StatusBadgeProps {
  status: string;
  type: StatusType | null;
}

/**
 * A status, tinted by its type (open, stop-the-clock, closed) with a matching shape, so the type can be told
 * without colour; the status name itself is the text.
 */
export function StatusBadge({ status, type }: StatusBadgeProps) {
  const Icon = type === 'closed' ? CheckIcon : type === 'stop-the-clock' ? PausedStatusIcon : OpenStatusIcon;
  return (
    <span
      className={classes.pill}
      data-status-type={type ?? 'unknown'}
      title={type ? `Status type: ${typeWords[type]}` : undefined}
      data-testid="status-badge"
    >
      {type ? <Icon size={12} strokeWidth={2.2} /> : null}
      {status}
    </span>
  );
}

/** A priority ("1 - Critical" ... "5 - Planning"), tinted by its leading rank when it has one. */
export function PriorityBadge({ priority }: { priority: string }) {
  const rank = /^\s*(\d)/.exec(priority)?.[1];
  return (
    <span className={classes.pill} data-priority-rank={rank ?? 'none'}>
      {priority}
    </span>
  );
}
