import { isApiError } from '../../api/api-error.ts';

export interface SignInProblem {
  title: string;
  message: string;
  /** Which field the technician should look at next. */
  focus: 'password' | 'group' | null;
}

/**
 * Each way a sign-in fails gets its own words (issue 3): wrong credentials, a server that cannot be reached, a
 * server that is not a Track-It! WebApi, and the rest. Server text is only ever shown as text.
 */
export function describeSignInError(error: unknown, apiBaseUrl: string): SignInProblem {
  if (!isApiError(error)) {
    return {
      title: 'Sign-in failed',
      message: 'Something unexpected went wrong while signing in. Try again.',
      focus: null,
    };
  }
  switch (error.kind) {
    case 'invalid-credentials':
    case 'unauthorized':
      // 400 invalid_grant at /token (decisions.md, Errors); Track-It! does not say which part was wrong.
      return {
        title: 'Wrong group, login ID or password',
        message:
          'Track-It! did not accept these details. Check the group and login ID, and that the password is typed correctly (Caps Lock off).',
        focus: 'password',
      };
    case 'network':
      return {
        title: 'The Track-It! server cannot be reached',
        message:
          'No answer came back. Check your network connection and try again; if it keeps failing, the server or the proxy in front of it may be down.',
        focus: null,
      };
    case 'not-trackit':
    case 'malformed':
      return {
        title: 'This is not a Track-It! server',
        message: `The address ${apiBaseUrl} answered, but not as the Track-It! WebApi does. Ask your administrator to check "apiBaseUrl" in config.json.`,
        focus: null,
      };
    case 'forbidden':
      return { title: 'Sign-in refused', message: error.message, focus: 'group' };
    case 'server':
      return {
        title: 'The Track-It! server had a problem',
        message: `${error.message} Try again in a moment.`,
        focus: null,
      };
    case 'bad-request':
    case 'not-found':
      return { title: 'Sign-in failed', message: error.message, focus: null };
  }
}
