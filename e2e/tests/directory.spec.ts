import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe.js';
import { demoUser, signIn } from './sign-in.js';

/**
 * A volunteer at a point of access looks for a lunch club for someone who lives near the town
 * centre: open on Thursday afternoons, within 2 km of CR0 1NX. The demo directory (300 services
 * at real Croydon postcodes, imported as an Open Referral UK feed) always has one.
 */
const VOLUNTEER = demoUser('volunteer');

test('a volunteer finds a lunch club open on Thursday afternoons within 2 km, and opens its listing', async ({ page }) => {
  await signIn(page, VOLUNTEER);
  await page.getByRole('link', { name: 'Directory', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel('Words to search for').fill('lunch club');
  await page.getByLabel('Day of the week').selectOption('thursday');
  await page.getByLabel('Afternoon, 12:00 to 17:00').check();
  await page.getByLabel('Near postcode').fill('cr0 1nx');
  await page.getByLabel('Distance').selectOption('2000');
  await page.getByRole('button', { name: 'Search', exact: true }).click();

  await expect(page.getByText(/services? found within 2 km of CR0 1NX/)).toBeVisible();
  const first = page.getByRole('main').getByRole('link', { name: /lunch club/i }).first();
  await expect(first).toBeVisible();
  await expect(page.getByText(/km away/).first()).toBeVisible();
  await expect(page).toHaveURL(/day=thursday/);
  await expectNoSeriousAxeViolations(page);

  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(/Thursdays/).first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('link', { name: 'Back to search results' }).click();
  await expect(page.getByLabel('Near postcode')).toHaveValue(/CR0 1NX/i);
});

test('a postcode Kith cannot place is named in the error summary', async ({ page }) => {
  await signIn(page, VOLUNTEER);
  await page.goto('/directory');
  await page.getByLabel('Near postcode').fill('not a postcode');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await summary.getByRole('link').first().click();
  await expect(page.getByLabel('Near postcode')).toBeFocused();
  await expectNoSeriousAxeViolations(page);
});
