import { type APIRequestContext, expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe.js';

/** The demo borough's GP; the password is the one `npm start` prints with the demo sign-ins. */
const GP = { email: 'gp@demo.kith.test', password: 'kith-demo-password' };

interface Found {
  id: string;
  nhsNumber: string;
  givenName: string;
  familyName: string;
  practiceName: string | null;
}

/**
 * Someone registered at the GP's own practice, whose record the GP may open (the access gate
 * refuses people the GP has no relationship with). Found through the API, signed in as the GP.
 */
async function patientOfTheGp(request: APIRequestContext): Promise<Found> {
  expect((await request.post('/api/v1/auth/sign-in', { data: GP })).ok()).toBe(true);
  const practice = (await (await request.get('/api/v1/auth/me')).json()).staff.roles[0].organisationName as string;
  for (const prefix of ['sm', 'a', 'b', 'c', 'd', 'h', 'j', 'm', 'p', 'w']) {
    const page = (await (await request.get(`/api/v1/people?name=${prefix}&pageSize=100`)).json()).items as Found[];
    const found = page.find((p) => p.practiceName === practice);
    if (found) return found;
  }
  throw new Error(`No patient of ${practice} found`);
}

test('a GP signs in, finds a person by name, opens their record and signs out', async ({ page, request }) => {
  const patient = await patientOfTheGp(request);
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

  // Find one of the GP's own patients by name; the demo borough is deterministic.
  const name = `${patient.givenName} ${patient.familyName}`;
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Search' }).click();
  const results = page.getByRole('table');
  await expect(results).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await results.getByRole('link', { name }).first().click();

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
  const someone = await patientOfTheGp(request);

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
