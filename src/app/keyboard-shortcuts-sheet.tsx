import { useHotkeys } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';

// The dialog (Modal, Table) is fetched the first time `?` is pressed, not with every signed-in page.
const KeyboardShortcutsDialog = lazy(async () => {
  const { KeyboardShortcutsDialog: Component } = await import('./keyboard-shortcuts-dialog.tsx');
  return { default: Component };
});

/**
 * The `?` sheet: every shortcut of `keyboardShortcuts`, grouped by where it works. `?` is Shift+/ on most
 * layouts and a key of its own on some, so both open it; typing `?` in a field never does (useHotkeys).
 */
export function KeyboardShortcutsSheet() {
  const [opened, setOpened] = useState(false);
  const [asked, setAsked] = useState(false);
  const open = () => {
    setAsked(true);
    setOpened(true);
  };
  useHotkeys([
    ['shift+?', open],
    ['?', open],
  ]);
  if (!asked) return null;
  return (
    <Suspense fallback={null}>
      <KeyboardShortcutsDialog opened={opened} onClose={() => setOpened(false)} />
    </Suspense>
  );
}
