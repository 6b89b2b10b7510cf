import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe.js';
import { demoUser, signIn } from './sign-in.js';

/**
 * A volunteer at the central library's point of access logs a walk-in enquiry in under a minute:
 * someone lonely since their husband died; the volunteer finds a lunch club open on Thursdays
 * within 2 km of their postcode and signposts them to it, and, with their consent, refers them to a
 * walking group that takes referrals. The enquiry is anonymous. Another caller asks for their
 * enquiry to be kept with their record, and agrees to it.
 */
const VOLUNTEER = demoUser('volunteer');

test('a volunteer logs an enquiry, signposts the person to a lunch club open on Thursdays nearby and refers them to a walking group', async ({ page }) => {
  await signIn(page, VOLUNTEER);
  await page.getByRole('link', { name: 'Log an enquiry', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log an enquiry' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('radio', { name: 'Walk-in', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Social contact and loneliness' }).check();
  await page.getByLabel('Advice given (optional)').fill('Talked about lunch clubs and befriending; gave the library leaflet');
  await page.getByLabel('Find a service').fill('lunch club');
  await page.getByLabel('Day', { exact: true }).selectOption('thursday');
  await page.getByLabel('Near postcode').fill('CR0 1NX');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  const club = page.getByRole('checkbox', { name: /lunch club/i }).first();
  await expect(club).toBeVisible();
  await club.check();
  await expectNoSeriousAxeViolations(page);

  // They would also like to walk with others: a walking group that takes referrals, with consent.
  await page.getByLabel('Find a service').fill('walking');
  await page.getByLabel('Day', { exact: true }).selectOption('');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  const referTo = page.getByRole('group', { name: /Refer to/ });
  await expect(referTo.getByRole('radio').nth(1)).toBeVisible();
  await referTo.getByRole('radio').nth(1).check();
  await page.getByRole('checkbox', { name: 'They agree to their details being shared with the service' }).check();
  await page.getByRole('radio', { name: 'Verbally, in person or by phone' }).check();

  await page.getByRole('button', { name: 'Log enquiry' }).click();
  await expect(page.getByRole('heading', { name: 'Enquiry logged' })).toBeVisible();
  await expect(page.getByText(/Signposted to .*lunch club/i).first()).toBeVisible();
  await expect(page.getByText(/Referred to /).first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('a volunteer keeps an enquiry with the record of someone who asked, with their consent', async ({ page }) => {
  // Someone the demo coordinator supports, who agreed to contact from voluntary services.
  await signIn(page, demoUser('coordinator'));
  const caseload = (await (await page.request.get('/api/v1/caseload')).json()) as { rows: { personName: string }[] };
  const person = caseload.rows[0]!;
  await page.context().clearCookies();

  await signIn(page, VOLUNTEER);
  await page.getByRole('link', { name: 'Log an enquiry', exact: true }).click();
  await page.getByRole('radio', { name: 'Phone', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Carers' }).check();
  await page.getByRole('radio', { name: /Keep it with their record/ }).check();
  await page.getByLabel('NHS number or name').fill(person.personName);
  await page.getByRole('button', { name: 'Find person' }).click();
  const chosen = page.getByRole('group', { name: 'Who is it?' }).getByRole('radio', { name: new RegExp(person.personName) }).first();
  await expect(chosen).toBeVisible();
  await chosen.check();
  await page.getByRole('checkbox', { name: 'They agree to the enquiry being kept with their record' }).check();
  await page.getByRole('radio', { name: 'Verbally, in person or by phone' }).check();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('button', { name: 'Log enquiry' }).click();
  await expect(page.getByRole('heading', { name: 'Enquiry logged' })).toBeVisible();
  await expect(page.getByText(`Kept with the record of ${person.personName}, as they agreed.`)).toBeVisible();
});

test('the network lead finds the point of access and sees its enquiries, small numbers hidden', async ({ page }) => {
  await signIn(page, demoUser('network-lead'));
  await page.getByRole('link', { name: 'Points of access', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Points of access' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('link', { name: 'Central Library point of access' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enquiries at Central Library point of access' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'By topic' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
