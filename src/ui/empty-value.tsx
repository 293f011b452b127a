import { Text, VisuallyHidden } from '@mantine/core';

export interface EmptyValueProps {
  /** What screen readers hear instead of the dash. */
  label?: string;
}

/** An unset value: a quiet dash that screen readers hear as "Not set" rather than as punctuation. */
export function EmptyValue({ label = 'Not set' }: EmptyValueProps) {
  return (
    <Text span c="dimmed">
      <span aria-hidden="true">—</span>
      <VisuallyHidden>{label}</VisuallyHidden>
    </Text>
  );
}
