import { Group, Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useOpenedAfterMount } from '../ui/opened-after-mount.ts';
import { keyboardShortcuts, type KeyboardShortcut } from './keyboard-shortcuts.ts';

function groupByWhere(list: readonly KeyboardShortcut[]): [string, KeyboardShortcut[]][] {
  const groups = new Map<string, KeyboardShortcut[]>();
  for (const shortcut of list) {
    const group = groups.get(shortcut.where) ?? [];
    group.push(shortcut);
    groups.set(shortcut.where, group);
  }
  return [...groups];
}

/** The `?` sheet's dialog: every shortcut of `keyboardShortcuts`, grouped by where it works. */
export function KeyboardShortcutsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal
      opened={useOpenedAfterMount(opened)}
      onClose={onClose}
      title="Keyboard shortcuts"
      size="md"
      closeButtonProps={{ 'aria-label': 'Close keyboard shortcuts' }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <Stack gap="md">
        {groupByWhere(keyboardShortcuts).map(([where, shortcuts]) => (
          <section key={where} aria-labelledby={`shortcuts-${where.replace(/\W+/g, '-')}`}>
            <Title order={3} fz="sm" mb={4} id={`shortcuts-${where.replace(/\W+/g, '-')}`}>
              {where}
            </Title>
            <Table verticalSpacing={4} withRowBorders={false}>
              <Table.Tbody>
                {shortcuts.map((shortcut) => (
                  <Table.Tr key={`${shortcut.keys.join('+')}-${shortcut.description}`}>
                    <Table.Td w={130}>
                      <Group gap={4} wrap="nowrap">
                        {shortcut.keys.map((key, index) => (
                          <span key={key}>
                            {index > 0 ? (
                              <Text span size="xs" c="dimmed" mr={4}>
                                +
                              </Text>
                            ) : null}
                            <Kbd>{key}</Kbd>
                          </span>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{shortcut.description}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        ))}
      </Stack>
    </Modal>
  );
}
