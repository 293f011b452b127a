import {
  Avatar,
  Group,
  Menu,
  Text,
  UnstyledButton,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import {
  ChartIcon,
  CheckIcon,
  ChevronDownIcon,
  LogoutIcon,
  MonitorIcon,
  MoonIcon,
  SunIcon,
} from '../../ui/icons.tsx';
import classes from './shell.module.css';

export interface UserMenuProps {
  /** The technician's full name, or the login when the server gave no name. */
  name: string;
  group: string;
  login: string;
  onSignOut: () => void;
  signingOut?: boolean;
}

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

const schemes: { value: MantineColorScheme; label: string; icon: ReactNode }[] = [
  { value: 'auto', label: 'System theme', icon: <MonitorIcon size={16} /> },
  { value: 'light', label: 'Light theme', icon: <SunIcon size={16} /> },
  { value: 'dark', label: 'Dark theme', icon: <MoonIcon size={16} /> },
];

/** Who is signed in (name and group), the theme, and `Sign out`. */
export function UserMenu({ name, group, login, onSignOut, signingOut = false }: UserMenuProps) {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  // The header shows its Dashboard link from Mantine's `sm` breakpoint (48em) up.
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton className={classes.userButton} aria-label={`Account: ${name}, ${group}`}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size={32} radius="xl" color="desk" variant="filled" aria-hidden="true">
              {initialsOf(name)}
            </Avatar>
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
      </Menu.Target>
      <Menu.Dropdown>
        {/* Plain divs: a menu may only own menu items, groups and separators (axe aria-required-children). */}
        <div className={classes.userCard}>
          <Text component="div" size="sm" fw={600}>
            {name}
          </Text>
          <Text component="div" size="xs" c="dimmed">
            {group}\{login}
          </Text>
        </div>
        {/* On a phone the header has no room for the Dashboard link: it is here instead. Rendered, not hidden
            with CSS, so that the arrow keys never stop on an invisible item. */}
        {phone ? (
          <Menu.Item component={Link} to="/dashboard" leftSection={<ChartIcon size={16} />}>
            Dashboard
          </Menu.Item>
        ) : null}
        <Menu.Divider />
        <Menu.Label>Theme</Menu.Label>
        {schemes.map((scheme) => (
          <Menu.Item
            key={scheme.value}
            leftSection={scheme.icon}
            rightSection={colorScheme === scheme.value ? <CheckIcon size={16} /> : null}
            aria-current={colorScheme === scheme.value ? 'true' : undefined}
            closeMenuOnClick={false}
            onClick={() => setColorScheme(scheme.value)}
          >
            {scheme.label}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<LogoutIcon size={16} />} onClick={onSignOut} disabled={signingOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
