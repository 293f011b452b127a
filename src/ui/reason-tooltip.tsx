import { Tooltip } from '@mantine/core';
import type { ReactElement } from 'react';

/** Loaded on demand by ForbiddenButton. */
export function ReasonTooltip({ label, children }: { label: string; children: ReactElement }) {
  return (
    <Tooltip label={label} multiline w={260}>
      {children}
    </Tooltip>
  );
}
