import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe.js';
import { signIn } from './sign-in.js';

/** Demo borough sign-ins; the password is the one `npm start` prints with the demo sign-ins. */
const PASSWORD = 'kith-demo-password';
/** The demo GP's practice is in the first network, whose multidisciplinary team the demo nurse is on. */
const GP = { email: 'gp@demo.kith.test', password: PASSWORD };
const NURSE = { email: 'nurse@demo.kith.test', password: PASSWORD };

const REASON = `Two falls in a month and lives alone; daughter worried about coping at home (${Date.now()})`;

interface Someone {
  id: string;
  name: string;
  nhsNumber: string;
}


/** Someone registered at the demo GP's practice with no referral yet. */
async function unreferredPatient(request: APIRequestContext): Promise<Someone> {
  const me = (await (await request.get('/api/v1/auth/me')).json()) as { staff: { roles: { organisationName: string }[] } };
  const practice = me.staff.roles[0]!.organisationName;
  for (const name of ['ha', 'ma', 'jo', 'sa', 'ro']) {
    const found = (await (await request.get(`/api/v1/people?name=${name}&pageSize=50`)).json()) as {
      items: { id: string; givenName: string; familyName: string; nhsNumber: string; practiceName: string | null }[];
    };
    for (const person of found.items.filter((p) => p.practiceName === practice)) {
      const referrals = (await (await request.get(`/api/v1/people/${person.id}/referrals`)).json()) as { referrals: unknown[] };
      if (referrals.referrals.length === 0) return { id: person.id, name: `${person.givenName} ${person.familyName}`, nhsNumber: person.nhsNumber };
    }
  }
  throw new Error("No one at the demo GP's practice is free of referrals");
}

test('a GP refers a patient, the network triages and accepts, and the GP sees it accepted', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });

  // The GP opens a patient of their practice and refers them to the network.
  await signIn(page, GP);
  const someone = await unreferredPatient(page.request);
  await page.getByLabel('NHS number').fill(someone.nhsNumber);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('table').getByRole('link', { name: someone.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: someone.name })).toBeVisible();
  await page.getByRole('navigation', { name: 'Parts of this record' }).getByRole('link', { name: 'Referrals' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Referrals' })).toBeVisible();
  await expect(page.getByLabel('Who is referring?')).toHaveValue('gp');
  await expectNoSeriousAxeViolations(page);

  // A reason is needed; the error summary links to it.
  const refer = page.getByRole('button', { name: 'Refer to the network' });
  await refer.click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('link', { name: 'Say why the person is referred' }).click();
  await expect(page.getByLabel('Why are you referring them?')).toBeFocused();
  await page.getByLabel('Why are you referring them?').fill(REASON);
  await refer.click();
  await expect(page.getByText(`${someone.name} is referred to the`)).toBeVisible();
  await expect(page.getByRole('table').getByRole('cell', { name: 'Received' }).first()).toBeVisible();

  // The network's nurse finds it in the inbox, triages and accepts it.
  await signIn(page, NURSE);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Referrals', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referrals' })).toBeVisible();
  await page.getByLabel('State').selectOption('received');
  await page.getByRole('button', { name: 'Filter referrals' }).click();
  await expect(page).toHaveURL(/state=received/);
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('table').getByRole('link', { name: someone.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: someone.name })).toBeVisible();
  await expect(page.getByText(REASON)).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('button', { name: 'Mark as triaged' }).click();
  await expect(page.getByText('The referral is now triaged.')).toBeVisible();
  // Declining needs a reason: refused in words, linked to the question.
  await page.getByRole('button', { name: 'Decline' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expect(page.getByRole('link', { name: 'Say why the referral is declined' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByText('The referral is now accepted.')).toBeVisible();
  const history = page.getByRole('table', { name: 'History of this referral' });
  await expect(history.getByRole('row')).toHaveCount(4);
  await expect(history).toContainText('Triaged to accepted');
  await expectNoSeriousAxeViolations(page);

  // The GP sees it accepted, in "Referrals I made".
  await signIn(page, GP);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Referrals I made' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referrals I made' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: someone.name });
  await expect(row).toContainText('Accepted');
  await expectNoSeriousAxeViolations(page);

  expect(blocked).toEqual([]);
});
