import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe.js';
import { submitSignIn as signIn } from './sign-in.js';

/** Demo borough sign-ins; the password is the one `npm start` prints with the demo sign-ins. */
const ADMIN = { email: 'admin@demo.kith.test', password: 'kith-demo-password' };
const GP = { email: 'gp@demo.kith.test', password: 'kith-demo-password' };


/** What a connected system does with its client id and secret: ask for a token. */
function askForToken(request: APIRequestContext, clientId: string, secret: string) {
  return request.post('/api/v1/oauth/token', {
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` },
    form: { grant_type: 'client_credentials' },
  });
}

async function shownSecret(page: Page): Promise<{ clientId: string; secret: string }> {
  const clientId = (await page.getByLabel('Client ID', { exact: true }).textContent())!.trim();
  const secret = (await page.getByLabel('Client secret', { exact: true }).textContent())!.trim();
  return { clientId, secret };
}

test('an administrator creates an API client, sees its secret once, rotates it and disables the client', async ({
  page,
  request,
}) => {
  const name = `Careline telecare ${Date.now()}`;
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  await signIn(page, ADMIN);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'API clients' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API clients' })).toBeVisible();
  await expect(page).toHaveTitle('API clients – Kith');
  await expectNoSeriousAxeViolations(page);

  // An empty form names every question to answer, each linked to its field.
  await page.getByRole('link', { name: 'Create an API client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create an API client' })).toBeVisible();
  await page.getByRole('button', { name: 'Create API client' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expect(page.getByRole('link', { name: 'Select what the API client can do' })).toBeVisible();
  await expect(page).toHaveTitle('Error: Create an API client – Kith');
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('link', { name: 'Select what the API client can do' }).click();
  await expect(page.getByRole('checkbox', { name: 'Raise alerts' })).toBeFocused();

  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Organisation').selectOption({ index: 1 });
  await page.getByRole('checkbox', { name: 'Raise alerts' }).check();
  await page.getByRole('button', { name: 'Create API client' }).click();

  // The secret is shown once, with a warning to copy it now.
  await expect(page.getByRole('heading', { level: 1, name: 'API client created' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Copy the client secret now' })).toBeVisible();
  await expect(page.getByText('This is the only time Kith shows this secret.')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  const first = await shownSecret(page);
  expect(first.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

  // The connected system gets a token with it, and checks who it is.
  const issued = await askForToken(request, first.clientId, first.secret);
  expect(issued.status()).toBe(200);
  const { access_token: token } = (await issued.json()) as { access_token: string };
  const me = await request.get('/api/v1/api-clients/me', { headers: { authorization: `Bearer ${token}` } });
  expect(await me.json()).toMatchObject({ clientId: first.clientId, name, scopes: ['alerts:write'] });

  // The client's page never shows the secret again.
  await page.getByRole('link', { name: `I have copied the secret: go to ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(first.clientId)).toBeVisible();
  await expect(page.locator('body')).not.toContainText(first.secret);
  await expectNoSeriousAxeViolations(page);

  // Rotating shows a new secret once; the old one still works for the grace period.
  await page.getByRole('button', { name: 'Rotate secret' }).click();
  await expect(page.getByRole('alert').getByText('New secret made.')).toBeVisible();
  await expect(page.getByText(/^The previous secret keeps working until /)).toBeVisible();
  const second = await shownSecret(page);
  expect(second.clientId).toBe(first.clientId);
  expect(second.secret).not.toBe(first.secret);
  await expectNoSeriousAxeViolations(page);
  expect((await askForToken(request, first.clientId, second.secret)).status()).toBe(200);
  expect((await askForToken(request, first.clientId, first.secret)).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(second.secret);
  await expect(page.getByText('Previous secret works until')).toBeVisible();

  // Disabling ends its tokens at once and stops it getting new ones.
  await page.getByRole('button', { name: 'Disable API client' }).click();
  await expect(page.getByRole('alert').getByText('API client disabled.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enable API client' })).toBeVisible();
  const refused = await askForToken(request, first.clientId, second.secret);
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: 'invalid_client' });
  const gone = await request.get('/api/v1/api-clients/me', { headers: { authorization: `Bearer ${token}` } });
  expect(gone.status()).toBe(401);

  await page.getByRole('link', { name: 'Back to API clients' }).click();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Raise alerts');
  await expect(row).toContainText('Disabled');
  expect(blocked).toEqual([]);
});

test('a GP sees no API clients link, and the pages say they have no access', async ({ page }) => {
  await signIn(page, GP);
  await expect(page.getByRole('heading', { level: 1, name: 'Find a person' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'API clients' })).toHaveCount(0);
  await page.goto('/admin/api-clients');
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
