import { Code, List, Paper, Stack, Text, Title } from '@mantine/core';

export interface ConfigErrorPageProps {
  /** From loadConfig(): names the wrong key, e.g. `vocabulary.statuses[2].type: expected one of open, closed, ...`. */
  problem: string;
  /** Where config.json was looked for. */
  configUrl: string;
}

/**
 * Shown instead of the app when config.json is missing or invalid (issue 3): for the site's administrator, it
 * says which key is wrong and how to fix it, rather than leaving a blank page.
 */
export function ConfigErrorPage({ problem, configUrl }: ConfigErrorPageProps) {
  return (
    <Stack component="main" maw={720} mx="auto" px="md" py={48} gap="lg">
      <Title order={1} fz="h2">
        The help desk cannot start: its configuration has a problem
      </Title>
      <Text>
        This page is for the site&apos;s administrator. Technicians: please tell your administrator that the
        help desk shows this message.
      </Text>
      <Paper withBorder radius="md" p="md" role="alert">
        <Text fw={650} mb={6}>
          What is wrong
        </Text>
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {problem}
        </Code>
      </Paper>
      <Stack gap="xs">
        <Text fw={650}>How to fix it</Text>
        <List spacing={6} type="ordered">
          <List.Item>
            Open <Code>config.json</Code>, the file beside <Code>index.html</Code> (this page looked for it at{' '}
            <Code style={{ overflowWrap: 'anywhere' }}>{configUrl}</Code>).
          </List.Item>
          <List.Item>
            Correct the key named above. The file is JSON: strings in double quotes, no trailing commas. Keys
            that are not needed can be left out and take their defaults; <Code>apiBaseUrl</Code> defaults to{' '}
            <Code>/TrackIt/WebApi</Code>.
          </List.Item>
          <List.Item>Save it and reload this page. The app does not need to be rebuilt.</List.Item>
        </List>
      </Stack>
    </Stack>
  );
}
