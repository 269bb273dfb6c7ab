import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Nothing wider than the screen at this project's width and at 360 px (the narrowest phones we support; the mobile
 * project's Pixel 7 is 412 px): rails and tables scroll inside their own box.
 */
export async function expectNoSidewaysScroll(page: Page, path: string) {
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow(), `${path} scrolls sideways`).toBeLessThanOrEqual(1);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: size?.height ?? 780 });
  expect(await overflow(), `${path} scrolls sideways at 360 px`).toBeLessThanOrEqual(1);
  if (size) await page.setViewportSize(size);
}

/**
 * The page full length at 1280 and 360 px wide, for a person to look at; `path` names the file for each width.
 * The viewport is put back afterwards.
 */
export async function shootWidths(page: Page, path: (width: number) => string) {
  const size = page.viewportSize();
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path(width), fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

/**
 * No serious or critical axe violation (WCAG 2.1 A/AA) on the page as it is now, and no sideways scroll.
 * `iframes: false` leaves frames out: a sandboxed frame (the dev mailbox's mail) cannot run axe, which would wait
 * for it until the test times out.
 */
export async function expectNoSeriousViolations(page: Page, label: string, { iframes = true } = {}) {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  const results = await (iframes ? builder : builder.exclude("iframe").options({ iframes: false })).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    label,
  ).toEqual([]);
  await expectNoSidewaysScroll(page, label);
}
