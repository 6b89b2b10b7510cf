import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe.js';
import { signIn } from './sign-in.js';

/** Demo borough sign-ins; the password is the one `npm start` prints with the demo sign-ins. */
const PASSWORD = 'kith-demo-password';
const GP = { email: 'gp@demo.kith.test', password: PASSWORD };

const TITLE = `Arrange a falls clinic appointment (${Date.now()})`;

interface Someone {
  id: string;
  name: string;
  nhsNumber: string;
}


/** Someone registered at the demo GP's own practice, whose record the GP may open and write to. */
async function patientOfMyPractice(request: APIRequestContext): Promise<Someone> {
  const me = (await (await request.get('/api/v1/auth/me')).json()) as { staff: { roles: { organisationName: string }[] } };
  const practice = me.staff.roles[0]!.organisationName;
  for (const name of ['ha', 'ma', 'jo', 'sa', 'ro']) {
    const found = (await (await request.get(`/api/v1/people?name=${name}&pageSize=50`)).json()) as {
      items: { id: string; givenName: string; familyName: string; nhsNumber: string; practiceName: string | null }[];
    };
    const person = found.items.find((p) => p.practiceName === practice);
    if (person) return { id: person.id, name: `${person.givenName} ${person.familyName}`, nhsNumber: person.nhsNumber };
  }
  throw new Error("No one is registered at the demo GP's practice");
}

/** A week from today, as the three NHS date inputs take it. */
function aWeekFromToday(): { day: string; month: string; year: string } {
  const at = new Date();
  at.setDate(at.getDate() + 7);
  return { day: String(at.getDate()), month: String(at.getMonth() + 1), year: String(at.getFullYear()) };
}

test('a GP adds a task for a patient, finds it in My tasks, and works it through to done', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });

  // The GP opens a patient of their practice and goes to the Tasks part of the record.
  await signIn(page, GP);
  const someone = await patientOfMyPractice(page.request);
  await page.getByLabel('NHS number').fill(someone.nhsNumber);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('table').getByRole('link', { name: someone.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: someone.name })).toBeVisible();
  await page.getByRole('navigation', { name: 'Parts of this record' }).getByRole('link', { name: 'Tasks' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Tasks' })).toBeVisible();
  await expect(page).toHaveTitle(`Tasks – ${someone.name} – Kith`);
  await expectNoSeriousAxeViolations(page);

  // Nothing filled in: the error summary names each question and links to it.
  const add = page.getByRole('button', { name: 'Add task' });
  await add.click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expect(page.getByRole('link', { name: 'Say what needs doing' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Enter the due date' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('link', { name: 'Enter the due date' }).click();
  await expect(page.getByLabel('Day', { exact: true })).toBeFocused();

  // The owner is the GP unless they choose otherwise.
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { staff: { id: string; name: string } };
  await expect(page.getByLabel('Owner', { exact: true })).toHaveValue(`staff:${me.staff.id}`);
  const due = aWeekFromToday();
  await page.getByLabel('Day', { exact: true }).fill(due.day);
  await page.getByLabel('Month', { exact: true }).fill(due.month);
  await page.getByLabel('Year', { exact: true }).fill(due.year);
  await page.getByLabel('What needs doing?').fill(TITLE);
  await page.getByLabel('High', { exact: true }).check();
  await add.click();
  await expect(page.getByText(`The task “${TITLE}” is added for ${someone.name}, owned by ${me.staff.name}.`)).toBeVisible();
  await expect(page.getByRole('table', { name: `Tasks for ${someone.name}` }).getByRole('link', { name: TITLE })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // It is in My tasks, with the person, the owner, the due date and the priority.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Tasks', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Task lists' }).locator('[aria-current="page"]')).toHaveText('My tasks');
  const row = page.getByRole('row').filter({ hasText: TITLE });
  await expect(row).toContainText(someone.name);
  await expect(row).toContainText(me.staff.name);
  await expect(row).toContainText('High');
  await expect(row).toContainText('Open');
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('navigation', { name: 'Task lists' }).getByRole('link', { name: 'Overdue' }).click();
  await expect(page).toHaveURL(/list=overdue/);
  await expect(page.getByRole('row').filter({ hasText: TITLE })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Task lists' }).getByRole('link', { name: 'My tasks' }).click();

  // The task page.
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText(`Task for ${someone.name}`)).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Someone changes it in another window; a change made here at the old version is refused and shows theirs.
  const taskId = page.url().split('/tasks/')[1]!;
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const elsewhere = await page.request.patch(`/api/v1/tasks/${taskId}`, { headers: { 'x-csrf-token': csrfToken }, data: { version: 1, priority: 'urgent' } });
  expect(elsewhere.status()).toBe(200);
  await page.getByRole('textbox', { name: 'What needs doing?' }).fill(`${TITLE}, by phone`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Someone else changed this task after you opened it');
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Priority high → urgent');
  await expect(page.getByLabel('Urgent', { exact: true })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'What needs doing?' })).toHaveValue(TITLE);

  // Start it, then mark it done; the trail records each step.
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByText('The task is now in progress.')).toBeVisible();
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(page.getByText('The task is now done.')).toBeVisible();
  const trail = page.getByRole('table', { name: 'The trail of this task' });
  await expect(trail.getByRole('row')).toHaveCount(5);
  await expect(trail).toContainText('Open to in progress');
  await expect(trail).toContainText('In progress to done');
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);

  // Reopening needs a reason.
  await page.getByRole('button', { name: 'Reopen the task' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expect(page.getByRole('link', { name: 'Say why the task is reopened' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Done, it leaves My tasks' default view and is found under the "Done" state.
  await page.getByRole('link', { name: 'Back to tasks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: TITLE })).toHaveCount(0);
  await page.getByLabel('State').selectOption('done');
  await page.getByRole('button', { name: 'Filter tasks' }).click();
  await expect(page).toHaveURL(/state=done/);
  await expect(page.getByRole('row').filter({ hasText: TITLE })).toContainText('Done');

  expect(blocked).toEqual([]);
});
