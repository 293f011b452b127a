import type { BrowserContext } from '@playwright/test';

export interface CspViolation {
  violatedDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  sample: string;
  page: string;
}

// Runs before any page script, in every page and frame of the context; the binding survives navigations, so
// a violation on a page the test has already left is still counted.
const listener = `
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__reportCspViolation({
      violatedDirective: event.violatedDirective,
      blockedURI: event.blockedURI,
      sourceFile: event.sourceFile,
      lineNumber: event.lineNumber,
      sample: event.sample,
      page: location.href,
    });
  });
`;

/** Collects every `securitypolicyviolation` event in the context; the test asserts the list stays empty. */
export async function watchCspViolations(context: BrowserContext): Promise<CspViolation[]> {
  const violations: CspViolation[] = [];
  await context.exposeBinding('__reportCspViolation', (_source, violation: CspViolation) => {
    violations.push(violation);
  });
  await context.addInitScript({ content: listener });
  return violations;
}
