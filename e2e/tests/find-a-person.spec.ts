import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe.js';

/** The demo borough's GP; the password is the one `npm start` prints with the demo sign-ins. */
const GP = { email: 'gp@demo.kith.test', password: 'kith-demo-password' };

test('a GP signs in, finds a person by name, opens their record and signs out', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel('Email address').fill(GP.email);
  await page.getByLabel('Password').fill(GP.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Find a person' })).toBeVisible();
  await expect(page).toHaveTitle('Find a person – Kith');
  await expectNoSeriousAxeViolations(page);

  // Find somebody whose family name starts like a common one; the demo borough is deterministic.
  await page.getByLabel('Name').fill('sm');
  await page.getByRole('button', { name: 'Search' }).click();
  const results = page.getByRole('table');
  await expect(results).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  const firstPerson = results.getByRole('link').first();
  const name = (await firstPerson.textContent())!.trim().split('Known as')[0]!.trim();
  await firstPerson.click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Personal details' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'GP practice' })).toBeVisible();
  await expect(page.getByText(/^\d{3} \d{3} \d{4}$/).first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Signing out is a state change: it goes through only with the session's CSRF token.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await page.goto('/people');
  await expect(page).toHaveURL(/\/sign-in/);
  expect(blocked).toEqual([]);
});

test('a wrong password is refused with an error summary, and the API stays closed', async ({ page, request }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(GP.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  // The summary takes focus so keyboard and screen reader users land on the problems.
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expect(page.getByRole('link', { name: 'Email or password is wrong' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  const closed = await request.get('/api/v1/people?name=sm');
  expect(closed.status()).toBe(401);
});

test('the search works by keyboard alone, by NHS number', async ({ page, request }) => {
  const signIn = await request.post('/api/v1/auth/sign-in', { data: GP });
  expect(signIn.ok()).toBe(true);
  const someone = (await (await request.get('/api/v1/people?name=sm&pageSize=1')).json()).items[0];

  await page.goto('/sign-in');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.getByLabel('Email address').focus();
  await page.keyboard.type(GP.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(GP.password);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Find a person' })).toBeVisible();
  await page.getByLabel('NHS number').focus();
  await page.keyboard.type(someone.nhsNumber);
  await page.keyboard.press('Enter');
  const link = page.getByRole('table').getByRole('link').first();
  await expect(link).toBeVisible();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `${someone.givenName} ${someone.familyName}` })).toBeVisible();
});
