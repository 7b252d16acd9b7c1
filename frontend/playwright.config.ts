import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 8765);
const baseURL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium, never a downloaded browser. The flags keep it off the
// network this machine does not have.
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/e2e',
  // The visual check's baselines (00-screens.spec.ts), one per screen, language and page, with no
  // platform or project suffix: made with the committed font and Debian's Chromium.
  snapshotPathTemplate: '{testDir}/__screenshots__/{arg}{ext}',
  fullyParallel: false,
  workers: 1,
  // One retry absorbs a timing flake on a loaded 2-core machine; Playwright reports it as "flaky".
  retries: 1,
  timeout: 420_000,
  // Generous: eager matching (embedding) in the backend can hold SQLite for a minute on a busy machine.
  expect: { timeout: 120_000 },
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  use: {
    baseURL,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: /phone\.spec\.ts$/ },
    // A phone (as an iPhone 13/14 in CSS pixels): every journey's pages fit without horizontal scrolling.
    {
      name: 'phone',
      use: { browserName: 'chromium', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
      testMatch: /phone\.spec\.ts$/,
    },
  ],
  webServer: {
    command: 'bash e2e/e2e-server.sh',
    url: `${baseURL}/api/auth/session/`,
    timeout: 900_000,
    reuseExistingServer: !process.env.CI && process.env.E2E_REUSE === '1',
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
