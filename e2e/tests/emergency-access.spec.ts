import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe.js';
import { submitSignIn as signIn } from './sign-in.js';

/** Demo borough sign-ins; the password is the one `npm start` prints with the demo sign-ins. */
const PASSWORD = 'kith-demo-password';
const GP = { email: 'gp@demo.kith.test', password: PASSWORD };
const PRIVACY_OFFICER = { email: 'privacy-officer@demo.kith.test', password: PASSWORD };

const REASON = `Brought to A&E confused and unable to give a history; need their conditions now (${Date.now()})`;

interface Someone {
  id: string;
  name: string;
  nhsNumber: string;
}


/**
 * Someone the demo GP has no relationship with: the GP works at one practice, so people
 * registered at another practice are refused (unless their network has an open item for them,
 * which is why the record itself is asked).
 */
async function someoneRefusedTo(request: APIRequestContext): Promise<Someone> {
  const me = (await (await request.get('/api/v1/auth/me')).json()) as { staff: { roles: { organisationName: string }[] } };
  const gpPractice = me.staff.roles[0]!.organisationName;
  const found = (await (await request.get('/api/v1/people?name=sm&pageSize=50')).json()) as {
    items: { id: string; givenName: string; familyName: string; nhsNumber: string; practiceName: string | null }[];
  };
  for (const person of found.items.filter((p) => p.practiceName && p.practiceName !== gpPractice)) {
    const record = await request.get(`/api/v1/people/${person.id}`);
    if (record.status() === 403) {
      return { id: person.id, name: `${person.givenName} ${person.familyName}`, nhsNumber: person.nhsNumber };
    }
  }
  throw new Error('No one in the demo borough is refused to the demo GP');
}

test('a GP without a relationship uses emergency access, and the privacy officer reviews it', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });

  // The GP finds the person by NHS number and is refused, in plain words.
  await signIn(page, GP);
  await expect(page.getByRole('heading', { level: 1, name: 'Find a person' })).toBeVisible();
  const someone = await someoneRefusedTo(page.request);
  await page.getByLabel('NHS number').fill(someone.nhsNumber);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('table').getByRole('link', { name: someone.name }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'You cannot open this record' })).toBeVisible();
  await expect(page.getByText(/You are not on this person.s care team/)).toBeVisible();
  await expect(page.getByText('The privacy officer reviews every use of emergency access', { exact: false })).toBeVisible();
  await expect(page).toHaveTitle('You cannot open this record – Kith');
  await expectNoSeriousAxeViolations(page);

  // A reason is needed; the error summary links to the question.
  const openWithEmergencyAccess = page.getByRole('button', { name: 'Open the record with emergency access' });
  await openWithEmergencyAccess.click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expect(page).toHaveTitle('Error: You cannot open this record – Kith');
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('link', { name: 'Say why you need to open this record now' }).click();
  const reason = page.getByLabel('Why do you need to open this record now?');
  await expect(reason).toBeFocused();

  await reason.fill(REASON);
  await openWithEmergencyAccess.click();
  const banner = page.getByRole('alert').filter({ hasText: 'You are using emergency access until' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(REASON);
  await expect(banner).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: someone.name })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Personal details' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Every part of the record keeps the banner; emergency access never covers exporting.
  const parts = page.getByRole('navigation', { name: 'Parts of this record' });
  await parts.getByRole('link', { name: 'Summary' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible();
  await expect(page.getByText('Emergency access does not cover exporting the summary.')).toBeVisible();
  // Access ending after midnight names its day too: "until 23 November 2026 at 00:24".
  await expect(page.getByText(/You are using emergency access until (\d{1,2} \w+ \d{4} at )?\d\d:\d\d/)).toBeVisible();
  await expect(page).toHaveTitle(`Summary – ${someone.name} – Kith`);
  await expectNoSeriousAxeViolations(page);

  await parts.getByRole('link', { name: 'Record entries' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Record entries' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Write an entry' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You have signed out.')).toBeVisible();

  // The privacy officer starts at the review list, where the grant waits with its reason.
  await signIn(page, PRIVACY_OFFICER);
  await expect(page.getByRole('heading', { level: 1, name: 'Emergency access reviews' })).toBeVisible();
  const menu = page.getByRole('navigation', { name: 'Menu' });
  await expect(menu.getByRole('link', { name: 'Audit log' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Find a person' })).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: REASON });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Dr Asha Patel');
  await expect(row).toContainText('GP');
  await expectNoSeriousAxeViolations(page);

  await row.getByRole('link', { name: /^Review/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review emergency access' })).toBeVisible();
  await expect(page.getByText(REASON)).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('button', { name: 'Record outcome' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('link', { name: 'Choose whether the emergency access was appropriate' }).click();
  await expect(page.getByLabel('Appropriate', { exact: true })).toBeFocused();
  await page.getByLabel('Appropriate', { exact: true }).check();
  await page.getByLabel('Note (optional)').fill('Confirmed with the A&E consultant.');
  await page.getByRole('button', { name: 'Record outcome' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Emergency access reviews' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Outcome recorded');
  await expect(page.getByRole('row').filter({ hasText: REASON })).toHaveCount(0);
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Reviewed' });
  await page.getByRole('button', { name: 'Show emergency access' }).click();
  const reviewed = page.getByRole('row').filter({ hasText: REASON });
  await expect(reviewed).toContainText('Appropriate');
  await expectNoSeriousAxeViolations(page);

  // Who has looked: the emergency access is called out, and printing is recorded first.
  await reviewed.getByRole('link', { name: new RegExp(someone.name) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Who has looked at ${someone.name}’s record` })).toBeVisible();
  const emergencyLook = page.getByRole('listitem').filter({ hasText: 'using emergency access' });
  await expect(emergencyLook.first()).toContainText('Dr Asha Patel');
  await expect(emergencyLook.first()).toContainText('Emergency access');
  await expectNoSeriousAxeViolations(page);
  // The print dialog would wait for a person; the journey notes that it was asked for instead.
  await page.evaluate("window.print = () => document.body.setAttribute('data-printed', 'yes')");
  const printed = page.waitForResponse((response) => response.url().endsWith('/who-looked/print') && response.ok());
  await page.getByRole('button', { name: 'Print this list' }).click();
  await printed;
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');

  // The audit log, searched by the person's record id, shows the emergency access too.
  await menu.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await page.getByLabel('Record id').fill(someone.id);
  await page.getByRole('button', { name: 'Search the audit log' }).click();
  await expect(page).toHaveURL(new RegExp(`personId=${someone.id}`));
  const grantEvent = page.getByRole('row').filter({ hasText: 'Used emergency access to a record' });
  await expect(grantEvent).toHaveCount(1);
  // Each event names who, where and whose record, rather than showing ids.
  await expect(grantEvent).toContainText('Dr Asha Patel');
  await expect(grantEvent.getByRole('link', { name: new RegExp(someone.name) })).toBeVisible();
  await expect(grantEvent).not.toContainText(someone.id.slice(0, 8));
  await expectNoSeriousAxeViolations(page);

  // A review address with no grant behind it says so.
  await page.goto('/emergency-access-reviews/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { level: 1, name: 'Emergency access not found' })).toBeVisible();
  await expect(page).toHaveTitle('Emergency access not found – Kith');

  expect(blocked).toEqual([]);
});

const COORDINATOR = { email: 'coordinator@demo.kith.test', password: PASSWORD };

/** Someone registered at the demo GP's own practice, whose record the GP may open. */
async function someoneAtTheGpsPractice(request: APIRequestContext): Promise<Someone> {
  const me = (await (await request.get('/api/v1/auth/me')).json()) as { staff: { roles: { organisationName: string }[] } };
  const gpPractice = me.staff.roles[0]!.organisationName;
  const found = (await (await request.get('/api/v1/people?name=sm&pageSize=50')).json()) as {
    items: { id: string; givenName: string; familyName: string; nhsNumber: string; practiceName: string | null }[];
  };
  const person = found.items.find((p) => p.practiceName === gpPractice);
  if (!person) throw new Error('No one in the first page of results is registered at the demo GP’s practice');
  return { id: person.id, name: `${person.givenName} ${person.familyName}`, nhsNumber: person.nhsNumber };
}

test('the parts of a record: summary, care team, consent, and a restricted entry others see as a marker', async ({ page }) => {
  await signIn(page, GP);
  await expect(page.getByRole('heading', { level: 1, name: 'Find a person' })).toBeVisible();
  const someone = await someoneAtTheGpsPractice(page.request);
  await page.goto(`/people/${someone.id}/summary`);
  await expect(page.getByRole('heading', { level: 1, name: someone.name })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Hospital activity in the last 12 months' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Export the summary' })).toHaveAttribute(
    'href',
    `/api/v1/people/${someone.id}/summary/export`,
  );
  await expectNoSeriousAxeViolations(page);

  // Care team: the coordinator joins as named coordinator.
  const parts = page.getByRole('navigation', { name: 'Parts of this record' });
  await parts.getByRole('link', { name: 'Care team' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Care team' })).toBeVisible();
  // Staff are found by name on the server; nothing is listed before a search.
  const staffChoice = page.getByLabel('Member of staff', { exact: true });
  await expect(staffChoice.locator('option')).toHaveCount(1);
  await page.getByRole('button', { name: 'Add to the care team' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('link', { name: 'Find the member of staff to add by their name' }).click();
  const staffName = page.getByLabel('Find a member of staff by name');
  await expect(staffName).toBeFocused();
  await staffName.fill('chloe benn');
  const staffSearch = page.waitForRequest((request) => /\/api\/v1\/staff\?/.test(request.url()));
  await staffName.press('Enter');
  const searched = new URL((await staffSearch).url()).searchParams;
  expect(searched.get('name')).toBe('chloe benn');
  expect(Number(searched.get('limit'))).toBeLessThanOrEqual(21);
  await expect(page.getByRole('status').filter({ hasText: 'chloe benn' })).toContainText('1 choice');
  await staffChoice.selectOption({ index: 1 });
  await expect(staffChoice.locator('option:checked')).toContainText('Chloe Bennett');
  await page.getByLabel('Responsibility (optional)').fill('Weekly home visits');
  await page.getByLabel('Make them the named coordinator').check();
  await page.getByRole('button', { name: 'Add to the care team' }).click();
  await expect(page.getByRole('alert')).toContainText('Chloe Bennett has been added to the care team.');
  const member = page.getByRole('row').filter({ hasText: 'Chloe Bennett' });
  await expect(member).toContainText('Named coordinator');
  await expect(member).toContainText('Weekly home visits');
  await expectNoSeriousAxeViolations(page);

  // Consent: recorded with how it was given, and listed in the history.
  await parts.getByRole('link', { name: 'Consent' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Consent' })).toBeVisible();
  await page.getByLabel('Share their record across the alliance').check();
  await page.getByLabel('Given', { exact: true }).check();
  await page.getByLabel('In writing').check();
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('alert')).toContainText('Recorded: Share their record across the alliance – given.');
  await expect(page.getByRole('table')).toContainText('In writing');
  await expectNoSeriousAxeViolations(page);

  // A safeguarding entry, which the coordinator may not read.
  await parts.getByRole('link', { name: 'Record entries' }).click();
  await page.getByLabel('Title').fill('Safeguarding concern');
  await page.getByLabel('Entry', { exact: true }).fill('Bruising seen at the home visit.\n\nDiscussed with the social worker.');
  await page.getByLabel('Restricted category').selectOption('safeguarding');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByRole('alert')).toContainText('Entry “Safeguarding concern” saved.');
  await expect(page.getByRole('heading', { level: 3, name: 'Safeguarding concern' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You have signed out.')).toBeVisible();

  await signIn(page, COORDINATOR);
  await expect(page.getByRole('heading', { level: 1, name: 'Find a person' })).toBeVisible();
  await page.goto(`/people/${someone.id}/entries`);
  await expect(page.getByText(/A restricted entry exists \(safeguarding\)\. Only .*GP.*can see it\./)).toBeVisible();
  await expect(page.getByText('Bruising seen')).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
});
