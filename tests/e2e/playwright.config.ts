import { defineConfig } from '@playwright/test';
// Debian's Chromium on a machine without internet; never a downloaded browser.
import { chromiumArgs, executablePath } from './chromium.mjs';
const PORT = 8765;

export default defineConfig({
  testDir: './specs',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/preflight/`,
    browserName: 'chromium',
    launchOptions: { executablePath, args: chromiumArgs },
    locale: 'en-US',
    trace: 'retain-on-failure',
    // The release build registers a service worker; tests of offline use allow it themselves.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `node serve.mjs ${PORT} /preflight/,/a/b/`,
    url: `http://127.0.0.1:${PORT}/preflight/`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
  },
});
