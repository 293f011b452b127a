import { Group, Text, UnstyledButton, type UnstyledButtonProps } from '@mantine/core';
import type { ComponentPropsWithoutRef, Ref } from 'react';
import { ChevronDownIcon } from '../../ui/icons.tsx';
import classes from './shell.module.css';

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

export interface UserMenuButtonProps
  extends UnstyledButtonProps, Omit<ComponentPropsWithoutRef<'button'>, keyof UnstyledButtonProps> {
  name: string;
  group: string;
  ref?: Ref<HTMLButtonElement>;
}

/** The header's account button: initials, name and group (the name folds away on a phone). */
export function UserMenuButton({ name, group, ref, ...rest }: UserMenuButtonProps) {
  return (
    <UnstyledButton
      ref={ref}
      className={classes.userButton}
      aria-label={`Account: ${name}, ${group}`}
      {...rest}
    >
      <Group gap="xs" wrap="nowrap">
        <span className={classes.avatar} aria-hidden="true">
          {initialsOf(name)}
        </span>
        <div className={classes.phoneHidden}>
          <Text size="sm" fw={600} lh={1.2} className={classes.userName}>
            {name}
          </Text>
          <Text size="xs" c="dimmed" lh={1.2} className={classes.userName}>
            {group}
          </Text>
        </div>
        <ChevronDownIcon size={14} className={classes.phoneHidden} />
      </Group>
    </UnstyledButton>
  );
}
