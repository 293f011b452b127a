import { Button } from '@mantine/core';
import { Suspense } from 'react';
import { deferredComponent } from './deferred.ts';

// The tooltip (Mantine's Tooltip and floating-ui, about 17 kB gzip) is fetched only when an action is refused:
// a 403 learnt this session is rare, and the detail page's first load stays within the issue 3 budget.
const ReasonTooltip = deferredComponent(async () => (await import('./reason-tooltip.tsx')).ReasonTooltip);

export interface ForbiddenButtonProps {
  label: string;
  /** The server's 403 message: why this technician cannot do it. */
  reason: string;
}

/**
 * An action the server refused this session (the 403 is remembered): kept visible, focusable and disabled, with
 * the reason in a tooltip, so the technician learns why once instead of trying again.
 */
export function ForbiddenButton({ label, reason }: ForbiddenButtonProps) {
  const button = (
    <Button
      size="xs"
      variant="default"
      data-disabled
      aria-disabled
      onClick={(event) => event.preventDefault()}
    >
      {label}
    </Button>
  );
  return (
    <Suspense fallback={button}>
      <ReasonTooltip.Component label={reason}>{button}</ReasonTooltip.Component>
    </Suspense>
  );
}
