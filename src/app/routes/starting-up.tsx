import { Center } from '@mantine/core';
import { LoadingState } from '../../ui/status-states.tsx';

export function StartingUp() {
  return (
    <Center mih="100dvh">
      <LoadingState label="Loading the help desk…" />
    </Center>
  );
}
