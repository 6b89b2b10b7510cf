import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe.js';
import { signIn as signInAfresh, type Credentials } from './sign-in.js';

/** Demo borough sign-ins; the password is the one `npm start` prints with the demo sign-ins. */
const PASSWORD = 'kith-demo-password';
/** The demo GP chairs their network's weekly huddle, which meets today; the demo nurse is a standing member. */
const GP = { email: 'gp@demo.kith.test', password: PASSWORD };
const NURSE = { email: 'nurse@demo.kith.test', password: PASSWORD };

const RUN = Date.now();
const MY_ACTION = `Visit at home to check inhaler technique (${RUN})`;
const TEAM_ACTION = `Review leg ulcer dressing plan (${RUN})`;

interface Me {
  id: string;
  name: string;
}

async function signIn(page: Page, who: Credentials): Promise<Me> {
  await signInAfresh(page, who);
  return ((await (await page.request.get('/api/v1/auth/me')).json()) as { staff: Me }).staff;
}

/** Text to find as it is, inside a regular expression. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A week from today, as the three NHS date inputs take it. */
function aWeekFromToday(): { day: string; month: string; year: string } {
  const at = new Date();
  at.setDate(at.getDate() + 7);
  return { day: String(at.getDate()), month: String(at.getMonth() + 1), year: String(at.getFullYear()) };
}

/** The name of the person the meeting page is on, from its heading ("Person 2 of 7" then the name). */
async function currentPerson(page: Page): Promise<{ position: number; name: string }> {
  const heading = (await page.locator('#item-heading').textContent()) ?? '';
  const match = /^Person (\d+) of \d+(.*)$/.exec(heading.trim());
  if (!match) throw new Error(`Unexpected item heading: ${heading}`);
  return { position: Number(match[1]), name: match[2]!.trim() };
}

/** An action for the current person through the "a" shortcut, owned as given. */
async function addAction(page: Page, title: string, owner: string) {
  await page.keyboard.press('a');
  const field = page.getByRole('textbox', { name: 'What needs doing?' });
  await expect(field).toBeFocused();
  await field.fill(title);
  await page.getByLabel('Owner', { exact: true }).selectOption(owner);
  const due = aWeekFromToday();
  await page.getByLabel('Day', { exact: true }).fill(due.day);
  await page.getByLabel('Month', { exact: true }).fill(due.month);
  await page.getByLabel('Year', { exact: true }).fill(due.year);
  await page.getByRole('button', { name: 'Add the action' }).press('Enter');
}

test("a chair opens this week's huddle, works through three people with the keyboard, closes it, and the owner finds the actions", async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });

  const nurse = await signIn(page, NURSE);
  const gp = await signIn(page, GP);

  // The chair goes to Huddles: their next meetings, the huddles of their network, the calendar file.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Huddles', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Huddles' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download your huddle calendar (ICS file)' })).toBeVisible();
  const mine = ((await (await page.request.get('/api/v1/huddles/series')).json()) as { series: { id: string; name: string; chair: { staffId: string } }[] }).series.find(
    (series) => series.chair.staffId === gp.id,
  )!;
  const ics = await page.request.get(`/api/v1/huddles/series/${mine.id}/calendar.ics`);
  expect(await ics.text()).toContain('BEGIN:VCALENDAR');
  await expectNoSeriousAxeViolations(page);

  // Their series: today's meeting is the first coming up.
  await page.getByRole('table', { name: 'Huddles in your networks' }).getByRole('link', { name: mine.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: mine.name })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Change the huddle' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  const { meetings } = (await (await page.request.get(`/api/v1/huddles/series/${mine.id}/calendar`)).json()) as { meetings: { date: string }[] };
  const today = meetings[0]!.date;
  await page.getByRole('table', { name: 'Meetings coming up' }).getByRole('link', { name: /^Prepare the agenda/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/huddles/series/${mine.id}/meetings/${today}$`));

  // The agenda: built from the week, the carried-over item said plainly, reordered with the keyboard.
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(literally(mine.name)) })).toBeVisible();
  await expect(page.getByText('No agenda has been built for this meeting yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Build the agenda' }).click();
  await expect(page.getByText(/The agenda is built: \d+ people on it\./)).toBeVisible();
  await expect(page.getByText('Carried over from 1 meeting').first()).toBeVisible();
  const moveDown = page.getByRole('button', { name: /^Move down / }).first();
  const moving = ((await moveDown.textContent()) ?? '').replace(/^Move down/, '').trim();
  await moveDown.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `${moving} moved down to number 2 of` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Move down ${moving}` })).toBeFocused();
  await page.getByRole('textbox', { name: `Minutes set aside for ${moving}` }).fill('10');
  await page.getByRole('button', { name: `Set the time for ${moving}` }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `10 minutes are set aside for ${moving}.` })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Opening the meeting starts it.
  await page.getByRole('button', { name: 'Open the meeting' }).click();
  await expect(page).toHaveURL(/\/huddles\/meetings\/[0-9a-f-]{36}/);
  await expect(page.getByText('Huddle meeting, in progress')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Attendance comes from the series' members, each in their role.
  await page.getByRole('checkbox', { name: new RegExp(`^${literally(gp.name)}, `) }).check();
  await page.getByRole('checkbox', { name: `${nurse.name}, Community nurse` }).check();
  await page.getByRole('button', { name: 'Save attendance' }).click();
  await expect(page.getByText('Attendance is saved: 2 people.')).toBeVisible();

  // Three people with the keyboard: a note on each, two actions, each marked reviewed; n and p move between them.
  await page.locator('#item-heading').focus();
  const discussed: { name: string; note: string }[] = [];
  while (discussed.length < 3) {
    const person = await currentPerson(page);
    const noteField = page.getByRole('textbox', { name: 'What was said or decided?' });
    if ((await noteField.count()) > 0) {
      const note = `Discussed ${person.name} at the huddle (${RUN})`;
      await noteField.fill(note);
      await page.getByRole('button', { name: 'Add to the record' }).press('Enter');
      await expect(page.getByRole('status').filter({ hasText: `Note recorded for ${person.name}.` })).toBeVisible();
      if (discussed.length === 0) {
        await addAction(page, MY_ACTION, `staff:${nurse.id}`);
        await expect(page.getByRole('status').filter({ hasText: `Action “${MY_ACTION}” agreed for ${person.name}, owned by ${nurse.name}.` })).toBeVisible();
      }
      if (discussed.length === 1) {
        await addAction(page, TEAM_ACTION, 'team:nurse');
        await expect(page.getByRole('status').filter({ hasText: `Action “${TEAM_ACTION}” agreed for ${person.name}, owned by Team: Community nurse.` })).toBeVisible();
      }
      await page.keyboard.press('r');
      await expect(page.getByRole('status').filter({ hasText: `${person.name} is marked as reviewed` })).toBeVisible();
      discussed.push({ name: person.name, note });
    }
    if (discussed.length === 3) break;
    await page.keyboard.press('n');
    await expect(page.locator('#item-heading')).toContainText(`Person ${person.position + 1} of`);
    await expect(page.locator('#item-heading')).toBeFocused();
  }
  await page.keyboard.press('p');
  await expect(page.getByRole('status').filter({ hasText: /^Person \d+ of \d+: / })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.locator('#item-heading')).toContainText(discussed[2]!.name);
  const agendaList = page.getByRole('navigation', { name: /^Agenda/ });
  for (const { name } of discussed) await expect(agendaList.getByRole('listitem').filter({ hasText: name }).first()).toContainText('Reviewed');
  await expectNoSeriousAxeViolations(page);

  // The chair closes the meeting, confirming first.
  await page.getByRole('button', { name: 'Close the meeting' }).click();
  await expect(page.getByRole('heading', { name: /Closing freezes the record/ })).toBeFocused();
  await page.getByRole('button', { name: 'Yes, close the meeting' }).click();
  await expect(page.getByText('The meeting is closed and its record is frozen. The minutes are ready to print.')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The minutes download as a PDF, and print from their own page.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the minutes (PDF)' }).click()]);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
  await page.getByRole('link', { name: 'Printable minutes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Minutes/ })).toBeVisible();
  for (const { note } of discussed) await expect(page.getByText(note)).toBeVisible();
  await expect(page.getByRole('cell', { name: MY_ACTION })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The last person's record has the discussion under "Huddle notes", with the lawful basis.
  await page.getByRole('link', { name: 'Back to the meeting' }).click();
  const last = discussed[2]!;
  await page.getByRole('navigation', { name: /^Agenda/ }).getByRole('link', { name: last.name }).click();
  await page.getByRole('link', { name: `Open ${last.name}’s record` }).click();
  await expect(page.getByRole('heading', { level: 1, name: last.name })).toBeVisible();
  await page.getByRole('navigation', { name: 'Parts of this record' }).getByRole('link', { name: 'Huddle notes' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Huddle notes' })).toBeVisible();
  await expect(page.getByText(/Lawful basis:/)).toBeVisible();
  await expect(page.getByText(last.note)).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The nurse finds her action in My tasks, and the nurses' team action in My team's tasks.
  await signIn(page, NURSE);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Tasks', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: MY_ACTION })).toContainText(discussed[0]!.name);
  await page.getByRole('navigation', { name: 'Task lists' }).getByRole('link', { name: "My team's tasks" }).click();
  await expect(page.getByRole('row').filter({ hasText: TEAM_ACTION })).toContainText(discussed[1]!.name);

  expect(blocked).toEqual([]);
});

/** Someone registered at the demo GP's own practice, and the practice's name. */
async function patientOfMyPractice(page: Page): Promise<{ practice: string; person: { id: string; name: string; nhsNumber: string } }> {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { staff: { roles: { organisationName: string }[] } };
  const practice = me.staff.roles[0]!.organisationName;
  for (const name of ['ha', 'ma', 'jo', 'sa', 'ro']) {
    const found = (await (await page.request.get(`/api/v1/people?name=${name}&pageSize=50`)).json()) as {
      items: { id: string; givenName: string; familyName: string; nhsNumber: string; practiceName: string | null }[];
    };
    const person = found.items.find((p) => p.practiceName === practice);
    if (person) return { practice, person: { id: person.id, name: `${person.givenName} ${person.familyName}`, nhsNumber: person.nhsNumber } };
  }
  throw new Error("No one is registered at the demo GP's practice");
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

test('a GP sets up a practice huddle, meets a change made elsewhere, cancels a date and raises a patient with an SBAR', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  const nurse = await signIn(page, NURSE);
  await signIn(page, GP);
  const { practice, person } = await patientOfMyPractice(page);
  const name = `${practice} huddle (${RUN})`;

  // Nothing filled in: the error summary names each question and links to it.
  await page.goto('/huddles');
  await expect(page.getByRole('heading', { level: 2, name: 'Set up a huddle' })).toBeVisible();
  const setUp = page.getByRole('button', { name: 'Set up the huddle' });
  await setUp.click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  for (const problem of ['Give the huddle a name', 'Choose whose huddle it is', 'Choose the day of the week', 'Say where the huddle meets', 'Enter the date of the first meeting']) {
    await expect(page.locator('.nhsuk-error-summary').getByRole('link', { name: problem })).toBeVisible();
  }
  await expectNoSeriousAxeViolations(page);
  await page.locator('.nhsuk-error-summary').getByRole('link', { name: 'Give the huddle a name' }).click();
  await expect(page.getByLabel('Name of the huddle')).toBeFocused();

  // A fortnightly practice huddle from two weeks today, the nurse standing.
  const first = new Date();
  first.setDate(first.getDate() + 14);
  await page.getByLabel('Name of the huddle').fill(name);
  await page.getByRole('radio', { name: practice, exact: true }).check();
  await page.getByLabel('Day of the week').selectOption(WEEKDAYS[first.getDay()]!);
  await page.getByLabel('Start time').fill('12:30');
  await page.getByLabel('How long is it, in minutes?').fill('45');
  await page.getByLabel('Where does it meet?').fill(`${practice}, meeting room 2`);
  await page.getByRole('radio', { name: 'Every two weeks' }).check();
  await page.getByLabel('Day', { exact: true }).fill(String(first.getDate()));
  await page.getByLabel('Month', { exact: true }).fill(String(first.getMonth() + 1));
  await page.getByLabel('Year', { exact: true }).fill(String(first.getFullYear()));
  await page.getByRole('checkbox', { name: nurse.name }).check();
  await setUp.click();
  await expect(page.getByText(`The huddle “${name}” is set up.`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const seriesId = page.url().split('/huddles/series/')[1]!;

  // Someone else moves it to the library; a change made here at the old version is refused and shows theirs.
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const series = (await (await page.request.get(`/api/v1/huddles/series/${seriesId}`)).json()) as Record<string, unknown> & {
    practiceId: string;
    chair: { staffId: string };
    standingMembers: { staffId: string }[];
  };
  const elsewhere = await page.request.put(`/api/v1/huddles/series/${seriesId}`, {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      name,
      scope: { kind: 'practice', practiceId: series.practiceId },
      weekday: series.weekday,
      startTime: series.startTime,
      durationMinutes: series.durationMinutes,
      place: 'The library',
      frequency: series.frequency,
      firstMeetingOn: series.firstMeetingOn,
      chairStaffId: series.chair.staffId,
      standingMemberStaffIds: series.standingMembers.map((m) => m.staffId),
      version: series.version,
    },
  });
  expect(elsewhere.status()).toBe(200);
  await page.getByLabel('Start time').fill('13:00');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Someone else changed this huddle after you opened it');
  await expect(page.locator('.nhsuk-error-summary')).toContainText(`Place: ${practice}, meeting room 2 → The library`);
  await expect(page.getByLabel('Where does it meet?')).toHaveValue('The library');
  await expect(page.getByLabel('Start time')).toHaveValue('12:30');
  await expectNoSeriousAxeViolations(page);

  // The chair cancels the first meeting, with a reason the calendar shows.
  const firstDate = `${first.getFullYear()}-${String(first.getMonth() + 1).padStart(2, '0')}-${String(first.getDate()).padStart(2, '0')}`;
  await page.getByLabel('Which meeting?').selectOption(firstDate);
  await page.getByLabel('Why is it cancelled?').fill('Practice closed for training');
  await page.getByRole('button', { name: 'Cancel the meeting' }).click();
  await expect(page.getByText(/^The meeting on .* is cancelled\.$/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Meetings coming up' }).getByRole('row').nth(1)).toContainText('Cancelled: Practice closed for training');

  // The next meeting's agenda: a patient raised by hand, found by NHS number, with an SBAR.
  await page.getByRole('table', { name: 'Meetings coming up' }).getByRole('link', { name: /^Prepare the agenda/ }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Add a person to the agenda' })).toBeVisible();
  await page.getByLabel('NHS number or name').fill(person.nhsNumber);
  await page.getByRole('button', { name: 'Find the person' }).click();
  await expect(page.getByText('1 person found: they are chosen below.')).toBeVisible();
  await expect(page.getByRole('radio', { name: person.name })).toBeChecked();
  const add = page.getByRole('button', { name: 'Add to the agenda' });
  await add.click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expect(page.locator('.nhsuk-error-summary').getByRole('link', { name: 'Say what you recommend or ask of the team' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel('Situation').fill('Two falls at home this week');
  await page.getByLabel('Background').fill('Lives alone; heart failure');
  await page.getByLabel('Assessment').fill('Frail and at risk of admission');
  await page.getByLabel('Recommendation').fill('Falls clinic and a home safety check');
  await add.click();
  await expect(page.getByText(`${person.name} is added to the agenda, with your SBAR.`)).toBeVisible();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `1. ${person.name}` }) });
  await expect(item).toContainText('Two falls at home this week');
  await expectNoSeriousAxeViolations(page);

  expect(blocked).toEqual([]);
});
