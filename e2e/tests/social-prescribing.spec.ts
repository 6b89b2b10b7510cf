import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe.js';
import { demoUser, signIn } from './sign-in.js';

/**
 * Social prescribing's closed loop: a Personal Independence Coordinator refers one of the people
 * on their caseload to a walking group that takes referrals, with the person's consent and what
 * matters to them in their words; records the provider's acceptance and the first session
 * attended; and the shared timeline shows each step.
 */
const COORDINATOR = demoUser('coordinator');

test('a coordinator refers a person to a walking group and records that they attended', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, COORDINATOR);
  const caseload = (await (await page.request.get('/api/v1/caseload')).json()) as { rows: { personId: string; personName: string }[] };
  const person = caseload.rows.at(-1)!;
  await page.goto(`/people/${person.personId}/social-prescribing`);
  await expect(page.getByRole('heading', { name: 'Social prescribing' }).first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel('Find a service in the directory').fill('walking');
  await page.getByRole('button', { name: 'Find services' }).click();
  const takingReferrals = page.locator('.nhsuk-radios__item').filter({ hasText: 'Takes direct referrals' }).first();
  await takingReferrals.getByRole('radio').check();
  const serviceName = ((await takingReferrals.locator('label').textContent()) ?? '').split(',')[0]!.trim();
  await page.getByRole('radio', { name: 'Referral', exact: true }).check();
  await page.getByLabel('What matters to them, in their words').fill('Getting out in the fresh air and meeting people');
  await page.getByRole('checkbox', { name: 'Loneliness and isolation' }).check();
  await page.getByRole('checkbox', { name: 'Physical activity' }).check();
  await page.getByLabel('Support offered').fill('A led walk each week, with the leader meeting them at the gate');
  await page.getByRole('checkbox', { name: 'They agree to their details being shared with the provider' }).check();
  await page.getByRole('radio', { name: 'Verbally, in person or by phone' }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(`Referred to ${serviceName}: waiting for the provider’s answer`).first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The group leader phoned to say yes.
  await page.getByRole('radio', { name: 'Accept', exact: true }).check();
  await page.getByLabel('Note about this change (optional)').fill('The walk leader phoned: see you on Tuesday');
  await page.getByRole('button', { name: 'Record change' }).click();
  await expect(page.getByText(`Referred to ${serviceName}: accepted`).first()).toBeVisible();

  // The first walk.
  await page.getByRole('radio', { name: 'Attended', exact: true }).check();
  await page.getByRole('button', { name: 'Record a session' }).click();
  await expect(page.getByText(`Referred to ${serviceName}: attending`).first()).toBeVisible();
  await expect(page.getByText(/: attended/).first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('navigation', { name: 'Parts of this record' }).getByRole('link', { name: 'Timeline', exact: true }).click();
  await expect(page.getByText(`Referred to ${serviceName}: waiting for the provider’s answer`).first()).toBeVisible();
});
