import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe.js';
import { submitSignIn as signIn } from './sign-in.js';

/** Demo borough sign-ins; the password is the one `npm start` prints with the demo sign-ins. */
const ADMIN = { email: 'admin@demo.kith.test', password: 'kith-demo-password' };
const DEFAULT_RULE = 'Two long-term conditions and two emergency admissions';
const NEW_RULE = 'Older people with heart failure';


function clause(page: Page, n: number) {
  return page.getByRole('group', { name: `Clause ${n}`, exact: true });
}

function summaryValue(page: Page, key: string) {
  return page.locator('.nhsuk-summary-list__row', { has: page.getByText(key, { exact: true }) }).locator('.nhsuk-summary-list__value');
}

test('an administrator reads the rules, makes a new one, changes it and is told of a change made meanwhile', async ({ page, request }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  await signIn(page, ADMIN);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Case-finding rules' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Case-finding rules' })).toBeVisible();
  await expect(page).toHaveTitle('Case-finding rules – Kith');
  const documentsRule = page.getByRole('row', { name: new RegExp(DEFAULT_RULE) });
  await expect(documentsRule.getByRole('cell').nth(1)).toContainText('Whole borough');
  await expect(documentsRule.getByRole('cell').nth(2)).toContainText('1');
  await expect(documentsRule).toContainText('2 or more long-term conditions and 2 or more emergency admissions in the last 12 months');
  await expectNoSeriousAxeViolations(page);

  // A bad value is named in the error summary, and its link goes to the field.
  await page.getByRole('link', { name: 'New rule' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New case-finding rule' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel('Name', { exact: true }).fill(NEW_RULE);
  await clause(page, 1).getByLabel('Kind of clause').selectOption({ label: 'Emergency admissions' });
  await clause(page, 1).getByLabel('In the last how many months').fill('0');
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  const problem = page.getByRole('link', { name: 'Clause 1, months: give 1 month or more' });
  await expect(problem).toBeVisible();
  await expect(page).toHaveTitle('Error: New case-finding rule – Kith');
  await expectNoSeriousAxeViolations(page);
  await problem.click();
  await expect(clause(page, 1).getByLabel('In the last how many months')).toBeFocused();

  // Aged 75 or over, with heart failure.
  await clause(page, 1).getByLabel('Kind of clause').selectOption({ label: 'Age' });
  await clause(page, 1).getByLabel('Youngest age, in years').fill('75');
  await page.getByRole('button', { name: 'Add a clause' }).click();
  await expect(clause(page, 2).getByLabel('Kind of clause')).toBeFocused();
  await clause(page, 2).getByLabel('Kind of clause').selectOption({ label: 'Has a long-term condition' });
  await clause(page, 2).getByRole('checkbox', { name: 'Heart failure', exact: true }).check();
  await page.getByRole('button', { name: 'Save rule' }).click();

  await expect(page.getByRole('heading', { level: 1, name: NEW_RULE })).toBeVisible();
  await expect(page.getByText('Rule saved as version 1.')).toBeVisible();
  await expect(summaryValue(page, 'Finds people with')).toHaveText('aged 75 or over and has heart failure');
  await expect(summaryValue(page, 'Version')).toHaveText('1');
  await expectNoSeriousAxeViolations(page);

  // A change is a new version; the history keeps both.
  await clause(page, 1).getByLabel('Youngest age, in years').fill('80');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByText('Rule saved as version 2.')).toBeVisible();
  await expect(summaryValue(page, 'Version')).toHaveText('2');
  await expect(summaryValue(page, 'Finds people with')).toHaveText('aged 80 or over and has heart failure');
  const history = page.getByRole('table', { name: /Versions of this rule/ });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history.getByRole('row').nth(1)).toContainText('aged 80 or over and has heart failure');
  await expect(history.getByRole('row').nth(2)).toContainText('aged 75 or over and has heart failure');
  await expectNoSeriousAxeViolations(page);

  // Someone else saves version 3 meanwhile: this page's change is refused, and says to reload.
  const ruleId = page.url().split('/').pop()!;
  const signedIn = await request.post('/api/v1/auth/sign-in', { data: ADMIN });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const elsewhere = await request.put(`/api/v1/case-finding/rules/${ruleId}`, {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      name: NEW_RULE,
      version: 2,
      criteria: { kind: 'and', clauses: [{ kind: 'age', from: 85 }, { kind: 'has_condition', conditions: ['heart_failure'], match: 'any' }] },
    },
  });
  expect(elsewhere.status()).toBe(200);
  await clause(page, 1).getByLabel('Youngest age, in years').fill('90');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByText('Someone else changed this rule; reload it to see their change.')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('button', { name: 'Reload the rule' }).click();
  await expect(summaryValue(page, 'Version')).toHaveText('3');
  await expect(summaryValue(page, 'Finds people with')).toHaveText('aged 85 or over and has heart failure');
  await expect(clause(page, 1).getByLabel('Youngest age, in years')).toHaveValue('85');

  await page.getByRole('link', { name: 'Back to case-finding rules' }).click();
  await expect(page.getByRole('row', { name: new RegExp(NEW_RULE) }).getByRole('cell').nth(2)).toContainText('3');
  expect(blocked).toEqual([]);
});
