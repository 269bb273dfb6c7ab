import { expect, test } from "../support/fixtures";
import { CartPage, parseMoney } from "../support/pages";

test.describe("shopper: browse, choose a SKU, add to cart", () => {
  test("homepage → product → SKU in the URL → tabs → add to cart → cart total @mobile", async ({
    page,
    home,
    product,
  }) => {
    await home.open();
    await expect(page.getByRole("heading", { level: 2, name: "Phones" })).toBeVisible();
    await home.productLink("Kite 9 Pro").click();
    await expect(product.heading()).toHaveText("Kite 9 Pro");

    await product.colour("Ocean Blue").click();
    await product.storage("12 GB \\+ 512 GB").click();
    await expect(page).toHaveURL(/sku=kite-9-pro-ocean-blue-12-512/);
    await expect(product.colour("Ocean Blue")).toHaveAttribute("aria-checked", "true");
    const unitMinor = parseMoney(await product.priceText());
    expect(unitMinor).toBe(499_900);

    // The choice survives a reload: the page is the same cached HTML for every SKU and applies the one in the URL.
    await page.reload();
    await expect(product.storage("12 GB \\+ 512 GB")).toHaveAttribute("aria-checked", "true");
    await expect(page).toHaveURL(/sku=kite-9-pro-ocean-blue-12-512/);
    expect(parseMoney(await product.priceText())).toBe(unitMinor);

    await product.tab("Specifications").click();
    await expect(page).toHaveURL(/tab=specs/);
    await expect(page).toHaveURL(/sku=kite-9-pro-ocean-blue-12-512/);
    await expect(page.getByRole("table").first()).toBeVisible();
    await product.tab("Reviews").click();
    await expect(page).toHaveURL(/tab=reviews/);
    await expect(page.getByText(/ratings?/i).first()).toBeVisible();

    await product.tab("Overview").click();
    await page
      .getByRole("spinbutton", { name: /quantity/i })
      .first()
      .fill("2");
    await product.addToCart();
    await expect(page.getByTestId("cart-count").first()).toHaveText("2");

    const cart = new CartPage(page);
    await cart.open();
    await expect(cart.lines()).toHaveCount(1);
    expect(parseMoney(await cart.total().innerText())).toBe(unitMinor * 2);
  });

  test("the SKU choices and the tabs work from the keyboard: arrows move and select, Home and End jump", async ({
    page,
    product,
  }) => {
    await product.open("kite-9-pro");
    // One tab stop per group: the chosen colour has it; an arrow selects the next colour and moves focus with it.
    const chosen = page.getByRole("radiogroup", { name: "Colour" }).locator('[aria-checked="true"]');
    await chosen.focus();
    const before = await chosen.innerText();
    await page.keyboard.press("ArrowRight");
    await expect(
      page.getByRole("radiogroup", { name: "Colour" }).locator('[aria-checked="true"]'),
    ).not.toHaveText(before);
    await expect(
      page.getByRole("radiogroup", { name: "Colour" }).locator('[aria-checked="true"]'),
    ).toBeFocused();
    await expect(page).toHaveURL(/sku=/);

    await product.tab("Overview").focus();
    await page.keyboard.press("ArrowRight");
    await expect(product.tab("Specifications")).toHaveAttribute("aria-selected", "true");
    await expect(product.tab("Specifications")).toBeFocused();
    await page.keyboard.press("End");
    await expect(product.tab("Reviews")).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Home");
    await expect(product.tab("Overview")).toHaveAttribute("aria-selected", "true");
    // Left from the first tab wraps round to the last.
    await page.keyboard.press("ArrowLeft");
    await expect(product.tab("Reviews")).toHaveAttribute("aria-selected", "true");
    await expect(page).toHaveURL(/tab=reviews/);
  });

  test("deep links open the right tab and review order, and tampered values fall back to the default", async ({
    page,
    product,
  }) => {
    await product.open("kite-9-pro", "?tab=reviews&sort=lowest&page=2");
    await expect(product.tab("Reviews")).toHaveAttribute("aria-selected", "true");
    const reviews = page.getByRole("tabpanel", { name: "Reviews" });
    await expect(reviews.getByLabel("Sort by")).toHaveValue("lowest");
    await expect(reviews.getByText(/^Showing 6–10 of \d+ reviews/)).toBeVisible();
    // Another order and page come from the reviews endpoint, in place: the URL follows, the page stays.
    await reviews.getByLabel("Sort by").selectOption("highest");
    await expect(page).toHaveURL(/sort=highest/);
    await expect(page).not.toHaveURL(/page=/);
    await expect(reviews.getByText(/^Showing 1–5 of/)).toBeVisible();
    await reviews.getByRole("link", { name: /next/i }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(reviews.getByText(/^Showing 6–10 of/)).toBeVisible();

    await product.open("kite-9-pro", "?sku=%27%3Bdrop%20table&tab=bogus&sort=junk&page=999999");
    await expect(product.heading()).toHaveText("Kite 9 Pro");
    await expect(product.tab("Overview")).toHaveAttribute("aria-selected", "true");
    await expect(product.colour("Graphite")).toHaveAttribute("aria-checked", "true");
    await product.tab("Reviews").click();
    // Junk is bounded by the endpoint: the default order, the last real page.
    await expect(reviews.getByLabel("Sort by")).toHaveValue("recent");
    await expect(reviews.getByRole("link", { name: /previous/i })).toBeVisible();
  });

  test("the product page is one cached page for every visitor, whatever its query", async ({ page }) => {
    const first = await page.request.get("/products/kite-9-pro?sku=kite-9-pro-ocean-blue-12-512&tab=specs");
    expect(first.status()).toBe(200);
    const second = await page.request.get("/products/kite-9-pro?sort=junk&page=999999");
    expect(second.status()).toBe(200);
    const headers = second.headers();
    expect(headers["x-nextjs-cache"]).toMatch(/HIT|STALE/);
    expect(headers["cache-control"]).toMatch(/s-maxage=\d+/);
    expect(headers["cache-control"]).not.toMatch(/private|no-store/);

    for (const query of ["sort=junk&page=999999", "page=-1&stars=9", "page=%00", `page=${"9".repeat(40)}`]) {
      const answer = await page.request.get(`/api/products/kite-9-pro/reviews?${query}`);
      expect(answer.status(), query).toBe(200);
      expect(answer.headers()["cache-control"]).toBe("public, s-maxage=30, stale-while-revalidate=60");
      const body = (await answer.json()) as { sort: string; page: number; pageCount: number };
      expect(body.sort).toBe("recent");
      expect(body.page === 1 || body.page === body.pageCount, query).toBe(true);
    }
    expect((await page.request.get("/api/products/kite-99-ultra-max/reviews")).status()).toBe(404);
  });

  test("an unknown product is a 404 page", async ({ page }) => {
    const response = await page.goto("/products/kite-99-ultra-max");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/couldn.t find|flew away/i);
  });

  test("search by name and browse a category", async ({ page }) => {
    await page.goto("/search?q=band");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("band");
    await expect(page.getByRole("main").getByRole("link", { name: "Kite Band 4" })).toBeVisible();
    await page.goto("/search?q=zzzz-no-such-thing");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "No products match “zzzz-no-such-thing”",
    );
    await page.goto("/category/wearables");
    await expect(page.getByRole("heading", { level: 1, name: "Wearables" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Kite Watch S" })).toBeVisible();
  });

  test("tampered add-to-cart forms get a typed error and write nothing", async ({ page, product }) => {
    await product.open("kite-band-4");
    const foreignSkuId = await page.locator('input[name="skuId"]').first().inputValue();
    await product.open("kite-9");
    const form = page
      .locator("form")
      .filter({ has: page.getByRole("button", { name: /^add to cart$/i }) })
      .first();
    const bad: [string, string][] = [
      ["0", "Choose at least 1."],
      ["-1", "Choose at least 1."],
      ["1000000000", "at most 99"],
      ["abc", "Enter a number."],
    ];
    for (const [value, message] of bad) {
      await form.evaluate((f, v) => {
        const input = f.querySelector<HTMLInputElement>('input[name="quantity"]');
        if (!input) throw new Error("no quantity input");
        input.type = "text";
        input.removeAttribute("min");
        input.removeAttribute("max");
        input.value = v;
      }, value);
      await form.getByRole("button", { name: /^add to cart$/i }).click();
      await expect(page.getByText(message).first()).toBeVisible();
    }
    // A SKU of another product.
    await form.evaluate((f, skuId) => {
      const qty = f.querySelector<HTMLInputElement>('input[name="quantity"]');
      if (qty) qty.value = "1";
      const sku = f.querySelector<HTMLInputElement>('input[name="skuId"]');
      if (sku) sku.value = skuId;
    }, foreignSkuId);
    await form.getByRole("button", { name: /^add to cart$/i }).click();
    await expect(page.getByText(/does not belong to this product/i).first()).toBeVisible();
    // A price smuggled in.
    await form.evaluate((f) => {
      const price = document.createElement("input");
      price.type = "hidden";
      price.name = "priceMinor";
      price.value = "1";
      f.appendChild(price);
    });
    await form.getByRole("button", { name: /^add to cart$/i }).click();
    await expect(page.getByText(/unexpected field/i).first()).toBeVisible();
    await expect(page.getByTestId("cart-count").first()).toHaveText("0");
  });

  test("a phone's order limit: the page says it, a third of any version is refused; a marketer changes a limit", async ({
    page,
    product,
    marketer,
  }) => {
    await product.open("kite-9", "?sku=kite-9-midnight-black-8-256");
    await expect(page.getByText("Limit 2 per order").first()).toBeVisible();
    const quantity = page.getByRole("spinbutton", { name: /quantity/i }).first();
    await quantity.fill("2");
    await product.addToCart();
    await expect(page.getByTestId("cart-count").first()).toHaveText("2");
    // Another colour of the same phone counts against the same limit.
    await product.colour("Sage").click();
    await quantity.fill("1");
    await product.addToCartButton().click();
    await expect(
      page.getByText("You can buy at most 2 Kite 9 per order, and 2 are already in your cart.").first(),
    ).toBeVisible();
    await expect(page.getByTestId("cart-count").first()).toHaveText("2");

    // The console's Products page: a bad limit is refused with a sentence, a good one shows on the product page.
    const console_ = marketer.page;
    await console_.goto("/admin/products");
    const row = console_.locator('[data-testid="product-limit-row"][data-slug="kite-router-ax3000"]');
    const field = row.getByRole("spinbutton", { name: "Order limit for Kite Router AX3000" });
    await expect(field).toHaveValue("3");
    await field.fill("0");
    await row.getByRole("button", { name: "Save" }).click();
    await expect(row.getByRole("alert")).toContainText("at least 1 per order");
    await expect(field).toHaveValue("0");
    await field.fill("4");
    await row.getByRole("button", { name: "Save" }).click();
    await expect(row.getByRole("status")).toHaveText("Kite Router AX3000: at most 4 per order.");
    try {
      await expect(async () => {
        await product.open("kite-router-ax3000");
        await expect(page.getByText("Limit 4 per order").first()).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 15_000 });
    } finally {
      await field.fill("3");
      await row.getByRole("button", { name: "Save" }).click();
      await expect(row.getByRole("status")).toHaveText("Kite Router AX3000: at most 3 per order.");
    }
  });
});
