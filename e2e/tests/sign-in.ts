import { expect, type Page } from '@playwright/test';

/** The demo borough's password, the one `npm start` prints with the demo sign-ins. */
export const DEMO_PASSWORD = 'kith-demo-password';

export interface Credentials {
  email: string;
  password: string;
}

/** A demo sign-in by role, as printed: `gp@demo.kith.test`, `nurse@demo.kith.test`, ... */
export const demoUser = (role: string): Credentials => ({ email: `${role}@demo.kith.test`, password: DEMO_PASSWORD });

/** Fills in and sends the sign-in form, wherever it leads. */
export async function submitSignIn(page: Page, who: Credentials) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in afresh (any earlier session forgotten) and waits for the first page, person search. */
export async function signIn(page: Page, who: Credentials) {
  await page.context().clearCookies();
  await submitSignIn(page, who);
  await expect(page.getByRole('heading', { level: 1, name: 'Find a person' })).toBeVisible();
}
