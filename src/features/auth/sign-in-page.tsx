import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { TicketIcon } from '../../ui/icons.tsx';
import { SignInForm, type SignInFormProps } from './sign-in-form.tsx';
import classes from './sign-in.module.css';

export interface SignInPageProps extends Omit<SignInFormProps, 'autoFocus' | 'secondaryAction'> {
  siteName: string;
  /** Set when the technician was sent here from a page that needs a session (a deep link). */
  returningTo?: string | null;
}

/** The whole-page sign-in, shown to a technician with no session. */
export function SignInPage({ siteName, returningTo, ...formProps }: SignInPageProps) {
  return (
    <Box className={classes.page}>
      <Center component="main" id="main-content" className={classes.center}>
        <Stack gap="lg" className={classes.column}>
          <Stack gap={6} align="center">
            <span className={classes.mark}>
              <TicketIcon size={26} />
            </span>
            <Title order={1} ta="center" fz="h2">
              {siteName}
            </Title>
            <Text c="dimmed" ta="center" size="sm">
              Sign in with your Track-It! technician account.
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }} className={classes.card}>
            {returningTo ? (
              <Text size="sm" mb="md" c="dimmed">
                Sign in to open{' '}
                <Text span fw={600} c="var(--mantine-color-text)">
                  {returningTo}
                </Text>
                .
              </Text>
            ) : null}
            <SignInForm {...formProps} autoFocus />
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
