import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3107);

/**
 * Journeys in Debian's Chromium against Kith started exactly as the README says (npm start),
 * on a fresh embedded database with the demo borough.
 */
export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['junit', { outputFile: '../reports/e2e.xml' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'rm -rf .e2e-data && npm start',
    cwd: '..',
    url: `http://localhost:${port}/api/docs/json`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { PORT: String(port), KITH_DATA_DIR: '.e2e-data', LOG_LEVEL: 'warn' },
  },
});
