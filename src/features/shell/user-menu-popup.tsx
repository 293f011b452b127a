import { Menu, Text, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import type { ReactNode } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { useLoadedMenuButton, type LoadedMenuProps } from '../../ui/deferred-menu.tsx';
import { ChartIcon, CheckIcon, LogoutIcon, MonitorIcon, MoonIcon, SunIcon } from '../../ui/icons.tsx';
import { UserMenuButton } from './user-menu-button.tsx';
import type { UserMenuProps } from './user-menu.tsx';
import classes from './shell.module.css';

const schemes: { value: MantineColorScheme; label: string; icon: ReactNode }[] = [
  { value: 'auto', label: 'System theme', icon: <MonitorIcon size={16} /> },
  { value: 'light', label: 'Light theme', icon: <SunIcon size={16} /> },
  { value: 'dark', label: 'Dark theme', icon: <MoonIcon size={16} /> },
];

/** The user menu once its code has arrived (user-menu.tsx). */
export function UserMenuPopup({
  name,
  group,
  login,
  onSignOut,
  signingOut = false,
  defaultOpened,
  focusTarget,
}: UserMenuProps & LoadedMenuProps) {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const buttonRef = useLoadedMenuButton(focusTarget);
  // The header shows its Dashboard link from Mantine's `sm` breakpoint (48em) up.
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <Menu
      position="bottom-end"
      width={260}
      shadow="md"
      withinPortal
      withInitialFocusPlaceholder={false}
      defaultOpened={defaultOpened}
    >
      <Menu.Target>
        <UserMenuButton ref={buttonRef} name={name} group={group} />
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
