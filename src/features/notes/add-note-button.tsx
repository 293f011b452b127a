import { Button } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import type { Ref } from 'react';
import { ForbiddenButton } from '../../ui/forbidden-button.tsx';

export interface AddNoteButtonProps {
  onOpen: () => void;
  /** The 403 learnt this session: the button stays, disabled, and says why. */
  forbidden: string | null;
  ref?: Ref<HTMLButtonElement>;
}

/** `Add note` (key `n`, ignored while typing in a field). */
export function AddNoteButton({ onOpen, forbidden, ref }: AddNoteButtonProps) {
  useHotkeys([['n', () => forbidden === null && onOpen()]]);
  if (forbidden !== null) return <ForbiddenButton label="Add note" reason={forbidden} />;
  return (
    <Button ref={ref} size="xs" variant="default" onClick={onOpen} aria-keyshortcuts="n">
      Add note
    </Button>
  );
}
