import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ErrorStateProps {
  title: string;
  /** What happened and what to do, in plain words. Server text is passed in as a string and rendered as text. */
  message: ReactNode;
  /** Shown as a `Retry` button when retrying can help (network down, server error). */
  onRetry?: () => void;
  retrying?: boolean;
  /** Extra actions, e.g. a link home. */
  actions?: ReactNode;
  color?: string;
}

/** A failure told in words, with `Retry` where it can help. Announced to screen readers as an alert. */
export function ErrorState({
  title,
  message,
  onRetry,
  retrying = false,
  actions,
  color = 'red',
}: ErrorStateProps) {
  return (
    <Alert color={color} variant="light" title={title} role="alert" maw={640}>
      <Stack gap="sm">
        <Text size="sm">{message}</Text>
        {onRetry || actions ? (
          <Group gap="sm">
            {onRetry ? (
              <Button size="xs" variant="default" onClick={onRetry} loading={retrying}>
                Retry
              </Button>
            ) : null}
            {actions}
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}

export interface LoadingStateProps {
  /** Read by screen readers, e.g. "Loading ticket 101". */
  label: string;
}

export function LoadingState({ label }: LoadingStateProps) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Group>
    </Center>
  );
}
