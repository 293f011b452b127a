import { Alert, Button, Checkbox, Collapse, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { describeSignInError, type SignInProblem } from './sign-in-messages.ts';
import type { SignInCredentials } from '../../api/session.ts';

/** What the form starts with: the last group, login and domain (the session remembers them; never a password). */
export interface SignInFormInitial {
  group: string;
  login: string;
  domain: string;
}

export interface SignInFormProps {
  initial: SignInFormInitial;
  /** Group names the site's config.json lists, offered as suggestions; any group may still be typed. */
  groups: readonly string[];
  apiBaseUrl: string;
  /** Signs in; rejects with the ApiError that says why not. */
  onSubmit: (credentials: SignInCredentials) => Promise<void>;
  /** Which field gets the focus first; the password when group and login are known. */
  autoFocus?: boolean;
  /** Extra buttons beside `Sign in` (the dialog's `Sign out`). */
  secondaryAction?: ReactNode;
}

interface FieldErrors {
  group?: string;
  login?: string;
  password?: string;
  domain?: string;
}

function validate(
  values: { group: string; login: string; password: string; domain: string },
  windows: boolean,
) {
  const errors: FieldErrors = {};
  if (values.group.trim() === '') errors.group = 'Enter your Track-It! group, for example HELP DESK';
  if (values.login.trim() === '') errors.login = 'Enter your login ID';
  if (values.password === '') errors.password = 'Enter your password';
  if (windows && values.domain.trim() === '')
    errors.domain = 'Enter the Windows domain, or untick Windows login';
  // The username is `GROUP\LOGIN`: a backslash inside a part would shift the parts (protocol-notes §1.1).
  if (values.group.includes('\\'))
    errors.group = 'A group name has no backslash; put the domain under Windows login';
  if (values.login.includes('\\'))
    errors.login = 'Enter the login ID alone; put the domain under Windows login';
  return errors;
}

/** The sign-in fields, shared by the sign-in page and the sign-in dialog over a page whose session ended. */
export function SignInForm({
  initial,
  groups,
  apiBaseUrl,
  onSubmit,
  autoFocus = true,
  secondaryAction,
}: SignInFormProps) {
  const [group, setGroup] = useState(initial.group);
  const [login, setLogin] = useState(initial.login);
  const [password, setPassword] = useState('');
  const [domain, setDomain] = useState(initial.domain);
  const [windows, setWindows] = useState(initial.domain !== '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [pending, setPending] = useState(false);
  const groupRef = useRef<HTMLInputElement>(null);
  const loginRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const domainRef = useRef<HTMLInputElement>(null);
  const groupListId = useId();

  const focusFirst: 'group' | 'login' | 'password' =
    initial.group === '' ? 'group' : initial.login === '' ? 'login' : 'password';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const fieldErrors = validate({ group, login, password, domain }, windows);
    setErrors(fieldErrors);
    if (Object.keys(fieldErrors).length > 0) {
      setProblem(null);
      const first = fieldErrors.group
        ? groupRef
        : fieldErrors.login
          ? loginRef
          : fieldErrors.domain
            ? domainRef
            : passwordRef;
      first.current?.focus();
      return;
    }
    setPending(true);
    setProblem(null);
    const trimmedDomain = windows ? domain.trim() : '';
    try {
      await onSubmit({
        group: group.trim(),
        login: login.trim(),
        password,
        ...(trimmedDomain !== '' ? { domain: trimmedDomain } : {}),
      });
      setPassword('');
    } catch (error) {
      const described = describeSignInError(error, apiBaseUrl);
      setProblem(described);
      if (described.focus === 'password') {
        setPassword('');
        passwordRef.current?.focus();
      } else if (described.focus === 'group') {
        groupRef.current?.focus();
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate aria-busy={pending}>
      <Stack gap="md">
        {problem ? (
          <Alert color="red" variant="light" title={problem.title} role="alert">
            {problem.message}
          </Alert>
        ) : null}
        {/* A native datalist: suggestions from config.json without a combobox's weight in the sign-in bundle. */}
        <TextInput
          ref={groupRef}
          label="Group"
          list={groups.length > 0 ? groupListId : undefined}
          value={group}
          onChange={(event) => setGroup(event.currentTarget.value)}
          error={errors.group}
          autoComplete="organization"
          autoCapitalize="characters"
          spellCheck={false}
          required
          withAsterisk={false}
          data-autofocus={autoFocus && focusFirst === 'group' ? true : undefined}
          autoFocus={autoFocus && focusFirst === 'group'}
        />
        {groups.length > 0 ? (
          <datalist id={groupListId}>
            {groups.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        ) : null}
        <TextInput
          ref={loginRef}
          label="Login ID"
          value={login}
          onChange={(event) => setLogin(event.currentTarget.value)}
          error={errors.login}
          autoComplete="username"
          autoCapitalize="characters"
          spellCheck={false}
          required
          withAsterisk={false}
          data-autofocus={autoFocus && focusFirst === 'login' ? true : undefined}
          autoFocus={autoFocus && focusFirst === 'login'}
        />
        <PasswordInput
          ref={passwordRef}
          label="Password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password}
          autoComplete="current-password"
          required
          withAsterisk={false}
          data-autofocus={autoFocus && focusFirst === 'password' ? true : undefined}
          autoFocus={autoFocus && focusFirst === 'password'}
        />
        <Checkbox
          label="Windows login (sign in with a domain account)"
          checked={windows}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            setWindows(checked);
            if (!checked) setErrors((current) => ({ ...current, domain: undefined }));
          }}
        />
        <Collapse expanded={windows}>
          {windows ? (
            <TextInput
              ref={domainRef}
              label="Domain"
              description="Your Windows domain, for example CONTOSO"
              value={domain}
              onChange={(event) => setDomain(event.currentTarget.value)}
              error={errors.domain}
              spellCheck={false}
              autoCapitalize="characters"
            />
          ) : null}
        </Collapse>
        <Stack gap="xs">
          <Button type="submit" loading={pending} fullWidth>
            Sign in
          </Button>
          {secondaryAction}
        </Stack>
      </Stack>
    </form>
  );
}
