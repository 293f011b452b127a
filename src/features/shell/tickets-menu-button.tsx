import { Button, type ButtonProps } from '@mantine/core';
import type { ComponentPropsWithoutRef, Ref } from 'react';
import { ChevronDownIcon, HistoryIcon } from '../../ui/icons.tsx';
import classes from './shell.module.css';

export interface TicketsMenuButtonProps
  extends ButtonProps, Omit<ComponentPropsWithoutRef<'button'>, keyof ButtonProps> {
  ref?: Ref<HTMLButtonElement>;
}

/** The header's `Tickets` button (pinned and recently viewed tickets). */
export function TicketsMenuButton({ ref, ...rest }: TicketsMenuButtonProps) {
  return (
    <Button
      ref={ref}
      variant="subtle"
      color="gray"
      c="var(--mantine-color-text)"
      leftSection={<HistoryIcon />}
      rightSection={<ChevronDownIcon size={14} />}
      px="xs"
      {...rest}
    >
      <span className={classes.phoneHidden}>Tickets</span>
    </Button>
  );
}
