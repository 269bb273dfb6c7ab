import { defineConfig, devices } from "@playwright/test";

/**
 * Runs against BASE_URL when given (any deployment, re-seeded first by e2e/support/global-setup.ts; needs its
 * QA_SECRET); otherwise builds nothing itself but starts the already-built store (`npm test` builds first) on its
 * own port with a fresh database, and waits on /api/health.
 */
const externalBase = process.env.BASE_URL;
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = externalBase ?? `http://localhost:${port}`;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "./test-results",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    {
      name: "mobile",
      grep: /@mobile/,
      use: { ...devices["Pixel 7"], channel: undefined },
    },
  ],
  webServer: externalBase
    ? undefined
    : {
        command: "node scripts/e2e-server.mjs",
        url: `${baseURL}/api/health`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        env: { E2E_PORT: String(port) },
      },
});
