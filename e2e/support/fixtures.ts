import { test as base, expect, type Page } from '@playwright/test';
import { startEmulator, type RunningEmulator } from './emulator-process.ts';
import { controlPlane, type ControlPlane } from './control-plane.ts';
import { watchCspViolations, type CspViolation } from './csp-guard.ts';

export interface EmulatorOptions {
  /** Where the app is installed on the emulator: '/' or a sub-path such as '/helpdesk/'. */
  appBase: string;
}

export interface Technician {
  group: string;
  login: string;
  password: string;
}

/** The demo technician with every ticket permission (interfaces.md, demo sign-ins). */
export const tech1: Technician = { group: 'HELP DESK', login: 'TECH1', password: 'welcome' };

interface WorkerFixtures {
  emulator: RunningEmulator;
}

interface TestFixtures {
  /** Automatic: every test starts from the seed, with no faults and an empty request log. */
  freshEmulator: undefined;
  control: ControlPlane;
  cspViolations: CspViolation[];
  /** Signs in through the real sign-in page at the app's root and waits for the signed-in shell. */
  signIn: (technician?: Technician) => Promise<void>;
}

export const test = base.extend<TestFixtures, WorkerFixtures & EmulatorOptions>({
  appBase: ['/', { option: true, scope: 'worker' }],

  emulator: [
    async ({ appBase }, provide) => {
      const emulator = await startEmulator({ appBase });
      await provide(emulator);
      await emulator.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],

  baseURL: async ({ emulator }, provide) => {
    await provide(emulator.appUrl);
  },

  // The emulator belongs to this worker alone, so a reset cannot pull the rug from under another test.
  freshEmulator: [
    async ({ emulator }, provide) => {
      const control = controlPlane(emulator.origin);
      await control.reset();
      await control.clearFaults();
      await control.clearLog();
      await provide(undefined);
    },
    { auto: true },
  ],

  control: async ({ emulator, freshEmulator }, provide) => {
    void freshEmulator;
    await provide(controlPlane(emulator.origin));
  },

  // Automatic: the production CSP is enforced by the emulator and no test may see a violation.
  cspViolations: [
    async ({ context }, provide) => {
      const violations = await watchCspViolations(context);
      await provide(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],

  signIn: async ({ page }, provide) => {
    await provide(async (technician = tech1) => {
      await page.goto('./');
      await fillSignIn(page, technician);
      await expect(goToTicketBox(page)).toBeVisible();
    });
  },
});

export { expect };

/** Fills and submits the sign-in form (labels from issue 3). */
export async function fillSignIn(page: Page, technician: Technician = tech1): Promise<void> {
  await page.getByLabel('Group', { exact: true }).fill(technician.group);
  await page.getByLabel('Login ID', { exact: true }).fill(technician.login);
  await page.getByLabel('Password', { exact: true }).fill(technician.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export function goToTicketBox(page: Page) {
  return page
    .getByRole('textbox', { name: /go to ticket/i })
    .or(page.getByRole('searchbox', { name: /go to ticket/i }));
}

/** Opens a ticket by number from the header's `Go to ticket` box, as a technician does. */
export async function goToTicket(page: Page, id: number): Promise<void> {
  const box = goToTicketBox(page);
  await box.fill(String(id));
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/tickets/${id}$`));
}

/** The detail view of ticket `id` is on screen: its number, its summary heading and the notes tab. */
export async function expectTicketShown(page: Page, id: number): Promise<void> {
  const main = page.getByRole('main');
  await expect(main.getByText(`Ticket #${id}`, { exact: true })).toBeVisible();
  await expect(main.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(detailTab(page, 'Notes')).toBeVisible();
}

/** The Notes, Attachments and Assignments tabs of the detail view; each tab's name ends with its count. */
export function detailTab(page: Page, name: 'Notes' | 'Attachments' | 'Assignments') {
  return page.getByRole('main').getByRole('tab', { name: new RegExp(`^${name}\\b`) });
}

/** Opens a detail tab and returns its panel. */
export async function openDetailTab(page: Page, name: 'Notes' | 'Attachments' | 'Assignments') {
  const tab = detailTab(page, name);
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  return page.getByRole('main').getByRole('tabpanel', { name: new RegExp(`^${name}\\b`) });
}
