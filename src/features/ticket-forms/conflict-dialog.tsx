import { Alert, Button, Group, List, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../fields/codecs.ts';
import { describeFormValue, type TicketConflict } from './ticket-form-model.ts';
import classes from './ticket-forms.module.css';

export interface ConflictDialogProps {
  ticketId: number;
  conflict: TicketConflict | null;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onGoBack: () => void;
  saving?: boolean;
}

/**
 * Shown when Last Modified moved while the form was open (issue 4, Lost updates): who changed the ticket and
 * when, the fields both changed (original, theirs, yours), and what they changed that the form will take.
 */
export function ConflictDialog({
  ticketId,
  conflict,
  onKeepMine,
  onTakeTheirs,
  onGoBack,
  saving,
}: ConflictDialogProps) {
  const who = conflict?.changedBy ?? 'Someone';
  const when = conflict?.changedAt ? formatDateTime(conflict.changedAt) : 'while you were editing';
  return (
    <Modal
      opened={conflict !== null}
      onClose={onGoBack}
      title={`Ticket ${ticketId} was changed while you were editing`}
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': 'Go back to the form' }}
    >
      {conflict ? (
        <Stack gap="md">
          <Text size="sm">
            <Text span fw={700}>
              {who}
            </Text>{' '}
            changed this ticket{conflict.changedAt ? ' on ' : ' '}
            <Text span fw={700}>
              {when}
            </Text>
            . Nothing has been saved yet.
          </Text>
          {conflict.conflicts.length > 0 ? (
            <>
              {/* A table where there is room; on a phone the same facts stacked per field (one of the two is
                displayed, so screen readers meet it once). */}
              <Table.ScrollContainer minWidth={480} visibleFrom="sm">
                <Table
                  className={classes.conflictTable}
                  striped
                  withTableBorder
                  aria-label="Fields you both changed"
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Field</Table.Th>
                      <Table.Th scope="col">When you opened the form</Table.Th>
                      <Table.Th scope="col">Theirs (now on the server)</Table.Th>
                      <Table.Th scope="col">Yours</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {conflict.conflicts.map((entry) => (
                      <Table.Tr key={entry.seq}>
                        <Table.Th scope="row">{entry.label}</Table.Th>
                        <Table.Td>{describeFormValue(entry.seq, entry.original)}</Table.Td>
                        <Table.Td>{describeFormValue(entry.seq, entry.theirs)}</Table.Td>
                        <Table.Td>{describeFormValue(entry.seq, entry.mine)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Stack gap="sm" hiddenFrom="sm">
                {conflict.conflicts.map((entry) => (
                  <Paper key={entry.seq} withBorder p="sm">
                    <Text fw={700} size="sm" mb={4} style={{ overflowWrap: 'anywhere' }}>
                      {entry.label}
                    </Text>
                    <dl className={classes.conflictList}>
                      <dt>When you opened the form</dt>
                      <dd>{describeFormValue(entry.seq, entry.original)}</dd>
                      <dt>Theirs (now on the server)</dt>
                      <dd>{describeFormValue(entry.seq, entry.theirs)}</dd>
                      <dt>Yours</dt>
                      <dd>{describeFormValue(entry.seq, entry.mine)}</dd>
                    </dl>
                  </Paper>
                ))}
              </Stack>
            </>
          ) : (
            <Alert variant="light" color="blue">
              None of the fields you changed were changed by them, so saving overwrites nothing of theirs.
            </Alert>
          )}
          {conflict.theirChanges.length > 0 ? (
            <div>
              <Text size="sm" fw={600}>
                They also changed (you did not; their values are kept):
              </Text>
              <List size="sm">
                {conflict.theirChanges.map((entry) => (
                  <List.Item key={entry.seq}>
                    {entry.label}: {describeFormValue(entry.seq, entry.original)} →{' '}
                    {describeFormValue(entry.seq, entry.theirs)}
                  </List.Item>
                ))}
              </List>
            </div>
          ) : null}
          <Text size="sm" c="dimmed">
            Keep mine saves your values over theirs in the fields you both changed. Take theirs puts their
            values in those fields and keeps your other changes in the form, unsaved. Go back returns to the
            form as it was.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onGoBack} data-autofocus>
              Go back
            </Button>
            <Button variant="default" onClick={onTakeTheirs} disabled={saving}>
              Take theirs
            </Button>
            <Button onClick={onKeepMine} loading={saving}>
              Keep mine
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
