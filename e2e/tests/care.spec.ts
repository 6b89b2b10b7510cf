import { type APIRequestContext, expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe.js';
import { demoUser, signIn } from './sign-in.js';

/**
 * One person's care, as the model of care describes it: their named coordinator finds them on
 * the caseload waiting for support to start, starts the 12-week episode, logs the first home
 * visit, records part of the one trusted assessment, and writes the My Life plan with them (two
 * goals, each with an action). A community nurse from another organisation, added to the care
 * team, opens the same assessment and plan, and the large-print copy of the plan downloads.
 */
const COORDINATOR = demoUser('coordinator');
const NURSE = demoUser('nurse');
const GP = demoUser('gp');

/** England's date and time `hours` ago, as the forms ask for them. */
function anHourAgo(hours = 1): { day: string; month: string; year: string; time: string } {
  const at = new Date(Date.now() - hours * 3_600_000);
  const part = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', ...options }).format(at);
  return {
    day: part({ day: 'numeric' }),
    month: part({ month: 'numeric' }),
    year: part({ year: 'numeric' }),
    time: part({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  };
}

/** On the care team page: finds a member of staff by name and adds them. */
async function addToCareTeam(page: Page, search: string, name: string, namedCoordinator: boolean) {
  await page.getByLabel('Find a member of staff by name').fill(search);
  await page.getByLabel('Find a member of staff by name').press('Enter');
  const staffChoice = page.getByLabel('Member of staff', { exact: true });
  await expect(staffChoice.locator('option')).toHaveCount(2);
  await staffChoice.selectOption({ index: 1 });
  if (namedCoordinator) await page.getByLabel('Make them the named coordinator').check();
  await page.getByRole('button', { name: 'Add to the care team' }).click();
  await expect(page.getByRole('alert')).toContainText(`${name} has been added to the care team.`);
}

async function openPart(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Parts of this record' }).getByRole('link', { name, exact: true }).click();
}

/**
 * Someone registered at the demo GP's practice whom no other journey uses (they take the first
 * match of other name prefixes), so this one starts their care from nothing.
 */
async function patientOfTheGp(request: APIRequestContext): Promise<{ id: string; name: string }> {
  const me = (await (await request.get('/api/v1/auth/me')).json()) as { staff: { roles: { organisationName: string }[] } };
  const practice = me.staff.roles[0]!.organisationName;
  for (const name of ['wi', 'ke', 'da', 'le', 'ba']) {
    const found = (await (await request.get(`/api/v1/people?name=${name}&pageSize=50`)).json()) as {
      items: { id: string; givenName: string; familyName: string; practiceName: string | null }[];
    };
    const person = found.items.filter((p) => p.practiceName === practice).at(-1);
    if (person) return { id: person.id, name: `${person.givenName} ${person.familyName}` };
  }
  throw new Error("No one is registered at the demo GP's practice");
}

test('a coordinator starts support, visits, assesses and writes the plan with the person; a nurse elsewhere sees the same', async ({ page }) => {
  test.setTimeout(150_000);
  // The GP makes the demo coordinator the named coordinator of one of their patients.
  await signIn(page, GP);
  const person = await patientOfTheGp(page.request);
  await page.goto(`/people/${person.id}/care-team`);
  await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
  await expect(page.getByText(/Named coordinator:\s*none yet/)).toBeVisible();
  await addToCareTeam(page, 'chloe benn', 'Chloe Bennett', true);

  // The coordinator starts a 12-week episode of independence support, from today.
  await signIn(page, COORDINATOR);
  await page.goto(`/people/${person.id}/support`);
  await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
  await expect(page.getByText(/Named coordinator:\s*Chloe Bennett/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Support and visits' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  const today = anHourAgo(0);
  await page.getByRole('radio', { name: 'Independence support (Personal Independence Coordinator)' }).check();
  await expect(page.getByLabel('Planned length in weeks')).toHaveValue('12');
  await page.locator('#episode-start-day').fill(today.day);
  await page.locator('#episode-start-month').fill(today.month);
  await page.locator('#episode-start-year').fill(today.year);
  await page.getByRole('button', { name: 'Start episode' }).click();
  await expect(page.getByText(/week 1 of 12/i).first()).toBeVisible();

  // The first home visit.
  const when = anHourAgo();
  await page.getByRole('radio', { name: 'Home visit' }).check();
  await page.locator('#contact-date-day').fill(when.day);
  await page.locator('#contact-date-month').fill(when.month);
  await page.locator('#contact-date-year').fill(when.year);
  await page.getByLabel('Time of the contact').fill(when.time);
  await page.getByLabel('Time spent, in minutes').fill('60');
  await page.getByLabel('Note', { exact: true }).fill('First visit: talked about the lunch club and the stairs');
  await page.getByRole('button', { name: 'Record contact' }).click();
  await expect(page.getByText('First visit: talked about the lunch club and the stairs')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The next visit, booked for a week ahead, then moved a day later.
  for (const [days, button] of [[7, 'Book the visit'], [8, 'Change the visit']] as const) {
    const next = anHourAgo(-24 * days);
    await page.locator('#pic-visit-date-day').fill(next.day);
    await page.locator('#pic-visit-date-month').fill(next.month);
    await page.locator('#pic-visit-date-year').fill(next.year);
    await page.getByLabel('Time of the visit').fill('10:30');
    await page.getByRole('button', { name: button }).click();
    await expect(page.getByText(new RegExp(`The next home visit is booked for ${Number(next.day)} .* at 10:30`))).toBeVisible();
  }

  // Part of the trusted assessment.
  await openPart(page, 'Assessment');
  await page.getByRole('link', { name: /Complete this section\s*: Mobility and falls/ }).click();
  await page.getByRole('radio', { name: 'Walks with a stick or frame' }).check();
  await page.getByLabel('Falls in the last 12 months').fill('2');
  await page.getByRole('button', { name: 'Save mobility and falls' }).click();
  await expect(page.getByText('Mobility and falls saved')).toBeVisible();
  await expect(page.getByText('Walks with a stick or frame')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The My Life plan, written with the person: what matters to them and two goals in their words.
  await openPart(page, 'My Life plan');
  await page.getByRole('link', { name: 'Start the plan' }).click();
  await page.locator('#plan-what-matters-to-me-0-text').fill('Getting out and seeing people again');
  await page.locator('#plan-what-matters-to-me-0-persons-own-words').check();
  await page.locator('#plan-goals-0-domain').selectOption('community_and_social_life');
  await page.locator('#plan-goals-0-in-my-words-text').fill('I want to go back to the lunch club on Thursdays');
  await page.locator('#plan-goals-0-actions-0-description').fill('Find out about transport to the lunch club');
  await page.locator('#plan-goals-0-actions-0-who-kind').selectOption('professional');
  await page.locator('#plan-goals-0-actions-0-who-name').fill('Chloe Bennett');
  await page.locator('#plan-add-goal').click();
  await page.locator('#plan-goals-1-domain').selectOption('home');
  await page.locator('#plan-goals-1-in-my-words-text').fill('I want to feel safe on the stairs');
  await page.locator('#plan-goals-1-actions-0-description').fill('Home safety check and a second rail');
  await page.locator('#plan-goals-1-actions-0-who-kind').selectOption('community_service');
  await page.locator('#plan-goals-1-actions-0-who-name').fill('Independent living team');
  const review = new Date(Date.now() + 84 * 86_400_000);
  await page.locator('#plan-review-date-day').fill(String(review.getUTCDate()));
  await page.locator('#plan-review-date-month').fill(String(review.getUTCMonth() + 1));
  await page.locator('#plan-review-date-year').fill(String(review.getUTCFullYear()));
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page.getByText(/saved as version 1/)).toBeVisible();
  await expect(page.getByText('I want to go back to the lunch club on Thursdays')).toBeVisible();
  await expect(page.getByText('I want to feel safe on the stairs')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The large-print copy to keep: a PDF, recorded as a print.
  const pdfLink = page.getByRole('link', { name: 'Download a large-print copy (PDF)' });
  const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // The record's front page: the plan at a glance and the latest on the timeline.
  await openPart(page, 'Personal details');
  const glance = page.getByRole('region', { name: 'My Life plan' });
  await expect(glance.getByRole('listitem').filter({ hasText: 'I want to feel safe on the stairs' })).toBeVisible();
  const latest = page.getByRole('region', { name: 'Latest on the timeline' });
  await expect(latest.getByText('My Life plan version 1 saved')).toBeVisible();
  await expect(latest.getByText(/^Home visit/)).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The nurse joins the care team, and the person is on the coordinator's caseload.
  await openPart(page, 'Care team');
  await addToCareTeam(page, 'grace mens', 'Grace Mensah', false);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'My caseload' }).click();
  await expect(page.getByRole('row').filter({ hasText: person.name })).toContainText('week 1 of 12');
  await expectNoSeriousAxeViolations(page);

  // A nurse from another organisation sees the same assessment and plan.
  await signIn(page, NURSE);
  await page.goto(`/people/${person.id}/assessment`);
  await expect(page.getByRole('heading', { level: 2, name: 'Assessment' })).toBeVisible();
  await expect(page.getByText('Walks with a stick or frame')).toBeVisible();
  await expect(page.getByText(/Recorded by Chloe Bennett/).first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await openPart(page, 'My Life plan');
  await expect(page.getByText('I want to go back to the lunch club on Thursdays')).toBeVisible();
  await expect(page.getByText('I want to feel safe on the stairs')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  // The shared timeline: the assessment and the plan, but not the coordinator's visit notes, as
  // the person has not consented to sharing across the alliance.
  await openPart(page, 'Timeline');
  await expect(page.getByText('Assessment updated: Mobility and falls')).toBeVisible();
  await expect(page.getByText('My Life plan version 1 saved')).toBeVisible();
  await expect(page.getByText(/^Home visit/)).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
});
