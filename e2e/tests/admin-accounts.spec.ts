import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe.js';
import { submitSignIn as signIn } from './sign-in.js';

/** Demo borough sign-ins; the password is the one `npm start` prints with the demo sign-ins. */
const ADMIN = { email: 'admin@demo.kith.test', password: 'kith-demo-password' };
const GP = { email: 'gp@demo.kith.test', password: 'kith-demo-password' };

/** A new coordinator; the password avoids their name and email, as the rules ask. */
const NEW_COORDINATOR = {
  name: 'Robin Achterberg',
  email: `robin.achterberg.${Date.now()}@example.test`,
  password: 'lantern meadow quietly 44',
};


async function createAccountWithWeakPasswordFirst(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a staff account' })).toBeVisible();
  await page.getByLabel('Full name').fill(NEW_COORDINATOR.name);
  await page.getByLabel('Email address').fill(NEW_COORDINATOR.email);
  const organisation = page.getByLabel('Organisation');
  await organisation.selectOption({ index: 1 });
  const organisationName = (await organisation.locator('option:checked').textContent())!.trim();
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Personal independence coordinator' });

  await page.getByLabel('Password').fill('too short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expect(page.getByRole('link', { name: /^Password: / })).toBeVisible();
  await expect(page).toHaveTitle('Error: Create a staff account – Kith');
  await expectNoSeriousAxeViolations(page);

  // The summary's link takes the user to the field to put right.
  await page.getByRole('link', { name: /^Password: / }).click();
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.getByLabel('Password').fill(NEW_COORDINATOR.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  return organisationName;
}

test('an administrator creates a coordinator account, then disables it, and it can no longer sign in', async ({
  page,
  browser,
}) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  await signIn(page, ADMIN);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Staff accounts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff accounts' })).toBeVisible();
  await expect(page).toHaveTitle('Staff accounts – Kith');
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  const organisationName = await createAccountWithWeakPasswordFirst(page);
  await expect(page.getByRole('heading', { level: 1, name: NEW_COORDINATOR.name })).toBeVisible();
  await expect(page.getByRole('alert').getByText(`Account created for ${NEW_COORDINATOR.name}`)).toBeVisible();
  await expect(page.getByText(`Personal independence coordinator at ${organisationName}`)).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The new account is in the list, found by the filter.
  await page.getByRole('link', { name: 'Back to staff accounts' }).click();
  await page.getByLabel('Name or email address').fill(NEW_COORDINATOR.email);
  await page.getByRole('button', { name: 'Filter accounts' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Showing 1 of \d+ accounts$/);
  const row = page.getByRole('row', { name: new RegExp(NEW_COORDINATOR.name) });
  await expect(row).toContainText(`Personal independence coordinator at ${organisationName}`);
  await expect(row).toContainText('Active');

  // The new coordinator can sign in, in a browser of their own.
  const theirs = await browser.newContext();
  const theirPage = await theirs.newPage();
  await signIn(theirPage, NEW_COORDINATOR);
  await expect(theirPage.getByRole('heading', { level: 1, name: 'Find a person' })).toBeVisible();
  await expect(theirPage.getByRole('link', { name: 'Staff accounts' })).toHaveCount(0);

  await row.getByRole('link', { name: NEW_COORDINATOR.name }).click();
  await expect(page.getByText(/^Disabling the account signs .* out at once/)).toBeVisible();
  await page.getByRole('button', { name: 'Disable account' }).click();
  await expect(page.getByRole('alert').getByText('Account disabled.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enable account' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Disabling signed them out at once, and they cannot sign in again.
  await theirPage.reload();
  await expect(theirPage).toHaveURL(/\/sign-in/);
  await signIn(theirPage, NEW_COORDINATOR);
  await expect(theirPage.getByRole('link', { name: 'Email or password is wrong' })).toBeVisible();
  await theirs.close();
  expect(blocked).toEqual([]);
});

test('a GP sees no Staff accounts link, and the pages say they have no access', async ({ page, request }) => {
  await signIn(page, GP);
  await expect(page.getByRole('heading', { level: 1, name: 'Find a person' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Staff accounts' })).toHaveCount(0);

  await page.goto('/admin/staff');
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  await expect(page).toHaveTitle('You do not have access to this page – Kith');
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await page.goto('/admin/staff/new');
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();

  // The API refuses too, whatever the page shows.
  const signedIn = await request.post('/api/v1/auth/sign-in', { data: GP });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const [organisation] = (await (await request.get('/api/v1/organisations')).json()) as Array<{ id: string }>;
  const refused = await request.post('/api/v1/admin/staff', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      ...NEW_COORDINATOR,
      email: `not-made.${Date.now()}@example.test`,
      roles: [{ organisationId: organisation!.id, role: 'admin' }],
    },
  });
  expect(refused.status()).toBe(403);
});

test('an administrator gives an account a second role and sets a new password for it', async ({
  page,
  browser,
  request,
}) => {
  const signedIn = await request.post('/api/v1/auth/sign-in', { data: ADMIN });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const [first] = (await (await request.get('/api/v1/organisations')).json()) as Array<{ id: string }>;
  const nurse = {
    name: 'Jo Whitfield',
    email: `jo.whitfield.${Date.now()}@example.test`,
    password: 'copper kettle evening 7',
  };
  const created = await request.post('/api/v1/admin/staff', {
    headers: { 'x-csrf-token': csrfToken },
    data: { ...nurse, roles: [{ organisationId: first!.id, role: 'nurse' }] },
  });
  const { id } = (await created.json()) as { id: string };

  await signIn(page, ADMIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Find a person' })).toBeVisible();
  await page.goto(`/admin/staff/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: nurse.name })).toBeVisible();
  await expect(page).toHaveTitle(`${nurse.name} – Kith`);

  // A new row takes focus; an incomplete one is named in the error summary.
  await page.getByRole('button', { name: 'Add another role' }).click();
  const second = page.getByRole('group', { name: 'Role 2' });
  await expect(second.getByLabel('Organisation')).toBeFocused();
  await page.getByRole('button', { name: 'Save roles' }).click();
  await expect(page.getByRole('link', { name: 'Select an organisation for role 2' })).toBeVisible();
  await second.getByLabel('Organisation').selectOption({ index: 2 });
  await second.getByLabel('Role', { exact: true }).selectOption({ label: 'Social worker' });
  await page.getByRole('button', { name: 'Save roles' }).click();
  await expect(page.getByRole('alert').getByText('Roles saved.')).toBeVisible();
  await expect(page.getByText(/^Social worker at /)).toBeVisible();

  // A password with their name in it is refused; a good one is set, and they sign in with it.
  await page.getByLabel('New password', { exact: true }).fill('whitfield rules ok');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('link', { name: /^New password: do not use your name/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel('New password', { exact: true }).fill('harbour lights tomorrow 3');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('alert').getByText('New password set.')).toBeVisible();
  await expect(page.getByLabel('New password', { exact: true })).toHaveValue('');

  const theirs = await browser.newContext();
  const theirPage = await theirs.newPage();
  await signIn(theirPage, { email: nurse.email, password: 'harbour lights tomorrow 3' });
  await expect(theirPage.getByRole('heading', { level: 1, name: 'Find a person' })).toBeVisible();
  await theirs.close();
});
