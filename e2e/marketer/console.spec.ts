import { expect, test } from "../support/fixtures";
import { payAndReturn } from "../support/pages";
import { ConsolePages, includeFirstVersion, simulateCrowd } from "./console-pages";

const tag = () => Math.random().toString(36).slice(2, 7);

test.describe("marketer: console", () => {
  test("create a coming day's sale, make it that day's hero, preview it, see it on the homepage, watch it sell", async ({
    marketer,
    page,
    accounts,
    storeDay,
    qa,
    request,
    baseURL,
  }) => {
    test.setTimeout(150_000);
    const marketerPage = marketer.page;
    const console_ = new ConsolePages(marketerPage);
    const id = tag();
    const sale = await console_.createSale({
      name: `Noon drop ${id}`,
      quantity: 40,
      price: "2999.00",
      day: storeDay,
    });

    // The sale's own page in the console: scheduled, registration not yet open or open, 40 units.
    await expect(marketerPage.getByTestId("sale-state").first()).toHaveAttribute(
      "data-state",
      /upcoming|registration_open/,
    );
    const { startsAt } = await console_.liveData(sale.saleId);
    const start = new Date(startsAt);

    // A fan registers for it on the sale page.
    const { page: fan } = await accounts.signedIn({ name: "Fan Noon" });
    await fan.goto(`/sales/${sale.slug}`);
    await fan.getByRole("button", { name: "Register" }).click();
    await expect(fan.getByText(/you're registered/i).first()).toBeVisible();

    // The hero of the sale's day (this test's own store day).
    const day = storeDay.date;
    const headline = `At noon ${id}`;
    // A visitor whose clock reads that day loads the homepage first, so its hero is in the cache...
    await qa.setClock(page.context(), new Date(start.getTime() + 30_000));
    await page.goto("/");
    await expect(page.getByRole("main").locator("section").first()).not.toContainText(headline);
    await console_.scheduleHero({
      day,
      target: `sale:${sale.saleId}`,
      headline,
      ctaLabel: "Register now",
    });
    await marketerPage.waitForURL(new RegExp(`/admin/hero\\?day=${day}&status=saved`));
    await expect(marketerPage.getByRole("status").filter({ hasText: "Saved the hero of" })).toBeVisible();
    const row = marketerPage.locator(`[data-testid="calendar-day"][data-day="${day}"]`);
    await expect(row).toContainText(headline);

    // A second entry for the same day is refused with a message, not written.
    await marketerPage.goto(`/admin/hero?day=${day}`);
    const form = marketerPage.getByTestId("hero-entry-form");
    await expect(form.getByRole("button", { name: "Save changes" })).toBeVisible();

    // The preview renders the homepage's own sale hero as of that day's noon.
    await marketerPage.goto(`/admin/hero/preview?at=${day}T12:00`);
    const preview = marketerPage.getByTestId("hero-preview");
    await expect(preview.getByTestId("sale-hero")).toContainText(headline);
    await expect(preview.getByRole("link", { name: "Register now" })).toBeVisible();
    await expect(marketerPage.getByTestId("preview-explanation")).toContainText("has a schedule entry");

    // ...and sees the new hero at once after the save: the save expired the cached hero.
    await page.goto("/");
    await expect(page.getByRole("main").getByTestId("sale-hero")).toContainText(headline);
    // Today's homepage is unchanged by that day's entry.
    await qa.clearClock(page.context());
    await page.goto("/");
    await expect(page.getByRole("main").locator("section").first()).not.toContainText(headline);

    // The live view, at the start: nothing sold yet.
    await qa.setClock(marketerPage.context(), new Date(start.getTime() + 1_000));
    await marketerPage.goto(`/admin/sales/${sale.saleId}/live`);
    const live = marketerPage.getByTestId("live-sale-view");
    await expect(live).toHaveAttribute("data-state", "live");
    await expect(live.getByTestId("live-remaining")).toHaveText("40");
    await expect(live.getByTestId("live-sold")).toHaveText("0");

    // A real fan registered today (registration opened when the sale was created) and buys at the start
    // through the sale page and the (local) Stripe Checkout.
    await expect(live.getByTestId("live-registrations")).toHaveText("1");
    await qa.setClock(fan.context(), new Date(start.getTime() + 1_500));
    await fan.goto(`/sales/${sale.slug}`);
    await fan.getByRole("button", { name: "Buy now" }).click();
    await fan.waitForURL(/\/checkout\/cs_/, { timeout: 30_000 });
    await payAndReturn(fan);
    await expect(live.getByTestId("live-sold")).toHaveText("1");

    // Then a scripted crowd: 12 fans reserve, 8 of them pay, 4 more only registered.
    const first = await simulateCrowd(
      request,
      baseURL ?? "",
      sale.saleId,
      new Date(start.getTime() + 2_000),
      {
        buyers: 12,
        pay: 8,
        browsers: 4,
      },
    );
    expect(first).toMatchObject({ reserved: 12, paid: 8, registered: 16 });
    await expect(live.getByTestId("live-sold")).toHaveText("9");
    await expect(live.getByTestId("live-held")).toHaveText("4");
    await expect(live.getByTestId("live-remaining")).toHaveText("27");
    await expect(live.getByTestId("live-registrations")).toHaveText("17");
    await expect(live.getByTestId("live-buyers")).toHaveText("9");
    await expect(live.getByTestId("live-conversion")).toHaveText("52.9%");
    // The same figures per version (this sale has one): fans who chose it (read every 10 seconds), units, sold,
    // held, left, sell-through; and how many registered fans chose a version and how many have not.
    const version = live.getByTestId("live-variant");
    await expect(version).toHaveCount(1);
    await expect(version.getByRole("cell")).toHaveText([/^\d+/, "40", "9", "4", "27", "22.5%"]);
    await expect(live.getByTestId("live-demand")).toHaveText(
      /^\d+ registered fans? (has|have) chosen a version; \d+ (hasn't|haven't) chosen yet\.$/,
    );

    // More buyers a few seconds later sell it out: the sell-out time and the chart follow.
    await simulateCrowd(request, baseURL ?? "", sale.saleId, new Date(start.getTime() + 5_000), {
      buyers: 30,
      pay: 30,
    });
    await expect(live.getByTestId("live-remaining")).toHaveText("0");
    await expect(live.getByTestId("live-sold")).toHaveText("36");
    await expect(live.getByTestId("live-held")).toHaveText("4");
    await expect(live).toHaveAttribute("data-state", "sold_out");
    await expect(live.getByTestId("live-sellout")).toHaveText("0:05");
    await expect(version.getByRole("cell")).toHaveText([/^\d+/, "40", "36", "4", "0", "90%"]);
    await expect(live.getByTestId("chart-summary")).toContainText("sold per second");
    await expect(live.getByRole("img", { name: /Units per second since the start/ })).toBeVisible();

    // Every write is in the audit log, with who did it.
    await marketerPage.goto("/admin/audit");
    const audit = marketerPage.getByRole("main").getByRole("table").first();
    await expect(audit).toContainText(`${marketer.account.name} created sale “${sale.name}” with 40 units`);
    await expect(audit.getByTestId("audit-row").filter({ hasText: headline }).first()).toHaveAttribute(
      "data-action",
      "hero.set",
    );
    await expect(audit).toContainText(marketer.account.email);
  });

  test("bad input gets field errors and a typed message, and nothing is written", async ({
    marketerPage,
  }) => {
    const main = marketerPage.getByRole("main");
    await marketerPage.goto("/admin/sales/new");
    await main.getByRole("button", { name: "Create sale" }).click();
    await expect(main.getByText("Please check the highlighted fields.")).toBeVisible();
    await expect(main.getByText("Give the sale a name.")).toBeVisible();
    await expect(main.getByText("Choose a product from the catalogue.")).toBeVisible();
    await expect(main.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");

    // Out of range, with what was typed kept.
    await main.getByLabel("Name", { exact: true }).fill("Bad numbers");
    await main.getByLabel("Product", { exact: true }).selectOption({ label: "Kite 9 Pro" });
    const version = await includeFirstVersion(marketerPage);
    await main.getByLabel(`Units of ${version}`, { exact: true }).fill("0");
    await main.getByLabel(`Sale price of ${version}`, { exact: true }).fill("-1");
    await main.getByLabel("Units per account").fill("11");
    await main.getByRole("button", { name: "Create sale" }).click();
    await expect(main.getByText("Put at least 1 unit on sale.")).toBeVisible();
    await expect(main.getByText("A price cannot be negative.")).toBeVisible();
    await expect(main.getByText("At most 10 units per account.")).toBeVisible();
    await expect(main.getByLabel("Name", { exact: true })).toHaveValue("Bad numbers");
    await expect(main.getByLabel("Product", { exact: true }).locator("option:checked")).toHaveText(
      "Kite 9 Pro",
    );
    await expect(main.getByLabel(`Units of ${version}`, { exact: true })).toHaveValue("0");

    // The hero form: nothing chosen.
    await marketerPage.goto("/admin/hero");
    const form = marketerPage.getByTestId("hero-entry-form");
    await form.getByLabel("Headline").fill("");
    await form.getByRole("button", { name: /Schedule hero|Save changes/ }).click();
    await expect(form.getByText("Please check the highlighted fields.")).toBeVisible();
  });

  test("a sale price at or above the everyday price needs the confirmation box, on create and on edit", async ({
    marketerPage,
    storeDay,
  }) => {
    const main = marketerPage.getByRole("main");
    const console_ = new ConsolePages(marketerPage);
    const name = `Everyday price ${tag()}`;
    // The Kite 9 Pro's first version sells at ¥4,499.00 every day.
    const version = await console_.fillNewSale({ name, quantity: 5, price: "4499.00", day: storeDay });
    const price = main.getByLabel(`Sale price of ${version}`, { exact: true });
    const confirm = main.getByRole("checkbox", { name: /Sell at or above the everyday price/ });
    await main.getByRole("button", { name: "Create sale" }).click();
    await expect(main.getByText("Please check the highlighted fields.")).toBeVisible();
    await expect(price).toHaveAttribute("aria-invalid", "true");
    await expect(price).toHaveAccessibleDescription(/The same as the everyday price \(¥4,499\.00\)/);
    await expect(price).toHaveValue("4499.00");
    await expect(main.getByLabel("Name", { exact: true })).toHaveValue(name);
    await expect(main.getByLabel(`Units of ${version}`, { exact: true })).toHaveValue("5");

    await confirm.check();
    await main.getByRole("button", { name: "Create sale" }).click();
    await marketerPage.waitForURL(/\/admin\/sales\/[0-9a-f-]{36}\?status=created$/);

    // Editing: the saved price stays without asking again; a higher one needs the box ticked again.
    await expect(price).toHaveValue("4499.00");
    await expect(confirm).not.toBeChecked();
    await price.fill("4599.00");
    await main.getByRole("button", { name: "Save changes" }).click();
    await expect(price).toHaveAccessibleDescription(/Above the everyday price \(¥4,499\.00\)/);
    await expect(price).toHaveValue("4599.00");
    await confirm.check();
    await main.getByRole("button", { name: "Save changes" }).click();
    await expect(main.getByTestId("sale-form-edit").getByTestId("form-message")).toHaveText("Saved.");
    await expect(price).not.toHaveAttribute("aria-invalid", "true");
  });

  test("a draw's settings change until registration closes, then show locked and a stale change is refused", async ({
    marketerPage,
    freshSale,
    qa,
  }) => {
    const sale = await freshSale({
      skuCode: "kite-buds-2-black",
      quantity: 1,
      salePriceMinor: 29_900,
      drawPurchaseWindowMinutes: 60,
    });
    // A draw's registration closes at its start (freshSale).
    const closes = Date.parse(sale.startsAt);
    const form = marketerPage.getByRole("main").getByTestId("sale-form-edit");
    const windowField = form.getByLabel(/Winners' window to pay/);
    const message = form.getByTestId("form-message");

    await qa.setClock(marketerPage.context(), new Date(closes - 60 * 60_000));
    await marketerPage.goto(`/admin/sales/${sale.saleId}`);
    await expect(form.getByTestId("sale-rules-kind")).toContainText("Draw");
    await windowField.fill("45");
    await form.getByLabel("Only Kite Club tier and above").selectOption("Gold");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(message).toHaveText("Saved.");

    // Registration has closed: the draw is committed, so its settings show locked and say why.
    await qa.setClock(marketerPage.context(), new Date(closes + 60_000));
    await marketerPage.goto(`/admin/sales/${sale.saleId}`);
    await expect(form.getByTestId("sale-rules-kind")).toContainText("the draw is committed to its entries");
    await expect(windowField).toHaveValue("45");
    await expect(windowField).toHaveAttribute("readonly", "");
    await expect(form.getByLabel("Only Kite Club tier and above")).toHaveValue("Gold and above");
    // A page opened before the close (here: the lock lifted in the browser) still can't change them.
    await windowField.evaluate((input: HTMLInputElement) => {
      input.readOnly = false;
      input.value = "90";
    });
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(message).toContainText("Locked: registration closed at");
    await marketerPage.reload();
    await expect(windowField).toHaveValue("45");
  });

  test("the audit log reads as sentences and filters by who, kind and days; bad filters say why", async ({
    marketer,
    storeDay,
  }) => {
    const page = marketer.page;
    const { account } = marketer;
    const sale = await new ConsolePages(page).createSale({
      name: `Audit drop ${tag()}`,
      quantity: 7,
      price: "3999.00",
      day: storeDay,
    });
    await page.goto("/admin/audit");
    const filters = page.getByTestId("audit-filters");
    await filters.getByLabel("Who").selectOption({ label: `${account.name} (${account.email})` });
    await filters.getByLabel("Kind of change").selectOption({ label: "Sale created" });
    await filters.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/kind=sale\.create/);
    const rows = page.getByTestId("audit-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute("data-action", "sale.create");
    await expect(rows.first()).toContainText(`${account.name} created sale “${sale.name}” with 7 units`);
    await expect(rows.first()).not.toContainText("sale.create");
    await expect(filters.getByLabel("Kind of change")).toHaveValue("sale.create");

    // A range of days with nothing in it: the empty state, with the filters kept.
    await filters.getByLabel(/^From/).fill("2099-01-01");
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByText("No changes match these filters")).toBeVisible();
    await expect(page.getByRole("link", { name: "Show every change" })).toBeVisible();

    // Filters that can't be read: a message, the field marked, no rows and no error page.
    const res = await page.goto("/admin/audit?from=2040-02-30&to=2040-01-01&kind=DROP%20TABLE");
    expect(res?.status()).toBe(200);
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("These filters can't be used");
    await expect(alert).toContainText("Use a start date like 2026-03-14.");
    await expect(filters.getByLabel(/^From/)).toHaveAttribute("aria-invalid", "true");
    await expect(filters.getByLabel("Kind of change")).toHaveAttribute("aria-invalid", "true");
    await expect(rows).toHaveCount(0);
  });

  test("a second hero entry for a day that has one is refused", async ({ marketerPage, storeDay }) => {
    const console_ = new ConsolePages(marketerPage);
    const day = storeDay.date;
    await marketerPage.goto("/admin/hero");
    const products = marketerPage
      .getByTestId("hero-entry-form")
      .getByLabel("Show")
      .locator("option[value^='product:']");
    const target = (await products.first().getAttribute("value")) ?? "";
    await console_.scheduleHero({ day, target, headline: `First ${tag()}`, ctaLabel: "Buy now" });
    await marketerPage.waitForURL(/status=saved/);
    // Another marketer's stale form (opened before the first was saved) adds an entry for the same day.
    await marketerPage.goto(`/admin/hero?day=${day}`);
    const form = marketerPage.getByTestId("hero-entry-form");
    await form.locator("input[name=entryId]").evaluate((el) => el.remove());
    await form.getByLabel("Headline").fill("Second");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByText(/already has a hero/)).toBeVisible();
  });

  test("guests are sent to sign in; shoppers get 404 and their forged actions change nothing", async ({
    page,
    shopperPage,
    marketerPage,
    storeDay,
  }) => {
    await page.goto("/admin/sales");
    await page.waitForURL(/\/sign-in\?callbackUrl=/);

    for (const path of ["/admin", "/admin/sales", "/admin/sales/new", "/admin/hero", "/admin/audit"]) {
      const res = await shopperPage.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(shopperPage.getByRole("heading", { name: "This page flew away" })).toBeVisible();
    }

    // A sale to protect.
    const console_ = new ConsolePages(marketerPage);
    const sale = await console_.createSale({
      name: `Guarded ${tag()}`,
      quantity: 5,
      price: "1.00",
      day: storeDay,
    });
    const data = await shopperPage.request.get(`/admin/sales/${sale.saleId}/live/data`);
    expect(data.status()).toBe(404);

    // Capture the marketer's "End sale" request without letting it through...
    let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
    const salePage = (url: URL) => url.pathname === `/admin/sales/${sale.saleId}`;
    await marketerPage.route(salePage, async (route) => {
      const req = route.request();
      if (req.method() !== "POST") return route.continue();
      captured = { url: req.url(), headers: req.headers(), body: req.postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort();
    });
    await marketerPage.getByRole("button", { name: "End sale now…" }).click();
    await marketerPage.getByRole("button", { name: /Yes, end/ }).click();
    await expect.poll(() => captured !== null).toBe(true);
    await marketerPage.unroute(salePage);

    // ...and replay it as the shopper: refused inside the action.
    const forged = captured as unknown as { url: string; headers: Record<string, string>; body: Buffer };
    const { cookie: _cookie, ...headers } = forged.headers;
    const replay = await shopperPage.request.post(forged.url, { headers, data: forged.body });
    expect(replay.status()).toBeLessThan(500);
    expect(await replay.text()).toContain("Only marketers can do this");

    // The sale is still scheduled, and the audit log has no end for it.
    await marketerPage.goto(`/admin/sales/${sale.saleId}`);
    await expect(marketerPage.getByTestId("sale-state").first()).not.toHaveAttribute("data-state", "ended");
    await expect(marketerPage.getByRole("button", { name: "End sale now…" })).toBeVisible();
    await marketerPage.goto("/admin/audit");
    await expect(marketerPage.getByRole("main")).not.toContainText(`ended sale “${sale.name}”`);
  });
});
