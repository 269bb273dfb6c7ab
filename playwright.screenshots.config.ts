import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/** `npm run screenshots`: the README's pictures, taken in Chromium against a fresh store (or BASE_URL). */
export default defineConfig({
  ...base,
  testDir: "./e2e/screenshots",
  testMatch: /.*\.shot\.ts/,
  workers: 1,
  projects: [{ name: "screenshots", use: { viewport: { width: 1280, height: 860 } } }],
});
