import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe.js';
import { signIn } from './sign-in.js';

/** Demo borough sign-ins; the password is the one `npm start` prints with the demo sign-ins. */
const PASSWORD = 'kith-demo-password';
/** The demo GP's practice is in the first network, whose multidisciplinary team the demo nurse is on. */
const GP = { email: 'gp@demo.kith.test', password: PASSWORD };
const NURSE = { email: 'nurse@demo.kith.test', password: PASSWORD };

const REASON = `Found by case-finding; lives alone and has had two falls (${Date.now()})`;

interface Found {
  personId: string;
  name: string;
  nhsNumber: string;
  reasons: string;
}


/** The people on the demo GP's practice list, as the API gives them. */
async function practiceList(page: Page): Promise<Found[]> {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { staff: { roles: { organisationId: string }[] } };
  const practiceId = me.staff.roles[0]!.organisationId;
  const response = await page.request.get(`/api/v1/case-finding?practiceId=${practiceId}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { people: Found[] }).people;
}

test('a GP finds a person on the case-finding list, refers them with the reasons, and the network accepts', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });

  // The GP opens Case-finding: their practice's list, ranked, with the rule and when it was computed.
  await signIn(page, GP);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Case-finding' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Case-finding' })).toBeVisible();
  await expect(page.getByLabel('Whose list')).toHaveValue(/^practice:/);
  await expect(page.getByText('Two long-term conditions and two emergency admissions')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download as CSV' })).toHaveAttribute('href', /\/api\/v1\/case-finding\/export\?practiceId=/);
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('button', { name: 'Recompute now' }).click();
  await expect(page.getByText('The list is recomputed from the records as they are now.')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  const listed = await practiceList(page);
  expect(listed.length, 'the demo borough leaves some people the rule finds unreferred').toBeGreaterThan(0);
  const someone = listed[0]!;
  const table = page.getByRole('table', { name: /People who meet the rule/ });
  const row = table.getByRole('row').filter({ hasText: someone.nhsNumber.replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3') });
  await expect(row).toContainText(someone.name);
  await expect(row).toContainText(someone.reasons);

  // The CSV is the same list.
  const csv = await page.request.get((await page.getByRole('link', { name: 'Download as CSV' }).getAttribute('href'))!);
  expect(csv.headers()['content-type']).toMatch(/text\/csv/);
  expect(await csv.text()).toContain(someone.nhsNumber);

  // "Refer" opens the person's referral form with the reasons carried over and the source set.
  await row.getByRole('link', { name: `Refer ${someone.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: someone.name })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Referrals' })).toBeVisible();
  await expect(page.getByText(`Case-finding found: ${someone.reasons}`)).toBeVisible();
  await expect(page.getByLabel('Who is referring?')).toHaveValue('case_finding');
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel('Why are you referring them?').fill(REASON);
  await page.getByRole('button', { name: 'Refer to the network' }).click();
  await expect(page.getByText(`${someone.name} is referred to the`)).toBeVisible();

  // Now open to the network, they leave the list.
  expect((await practiceList(page)).map((p) => p.personId)).not.toContain(someone.personId);

  // The network's nurse sees the referral with the case-finding reasons, triages and accepts it.
  await signIn(page, NURSE);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Referrals', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referrals' })).toBeVisible();
  await page.getByLabel('State').selectOption('received');
  await page.getByLabel('Referred by').selectOption('case_finding');
  await page.getByRole('button', { name: 'Filter referrals' }).click();
  await expect(page).toHaveURL(/state=received/);
  await page.getByRole('table').getByRole('row').filter({ hasText: someone.name }).getByRole('link', { name: someone.name }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: someone.name })).toBeVisible();
  await expect(page.getByText(REASON)).toBeVisible();
  await expect(page.getByText(someone.reasons, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Mark as triaged' }).click();
  await expect(page.getByText('The referral is now triaged.')).toBeVisible();
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByText('The referral is now accepted.')).toBeVisible();

  // The nurse's Case-finding page: a network's list.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Case-finding' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Case-finding' })).toBeVisible();
  await expect(page.getByLabel('Whose list')).toHaveValue(/^network:/);
  await expect(page.getByRole('heading', { level: 3, name: /\d+ (person|people)$/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The GP sees it accepted, in "Referrals I made".
  await signIn(page, GP);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Referrals I made' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referrals I made' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: someone.name })).toContainText('Accepted');

  expect(blocked).toEqual([]);
});
