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

    // The choice survives a reload: the server renders the SKU from the URL.
    await page.reload();
    await expect(product.storage("12 GB \\+ 512 GB")).toHaveAttribute("aria-checked", "true");

    await product.tab("Specifications").click();
    await expect(page).toHaveURL(/tab=specs/);
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

  test("deep links open the right tab, and a tampered ?sku= falls back to the default", async ({
    product,
  }) => {
    await product.open("kite-9-pro", "?tab=reviews&sort=lowest");
    await expect(product.tab("Reviews")).toHaveAttribute("aria-selected", "true");
    await product.open("kite-9-pro", "?sku=%27%3Bdrop%20table&tab=bogus");
    await expect(product.heading()).toHaveText("Kite 9 Pro");
    await expect(product.tab("Overview")).toHaveAttribute("aria-selected", "true");
    await expect(product.colour("Graphite")).toHaveAttribute("aria-checked", "true");
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
    await expect(page.getByText(/no kite gear matches/i)).toBeVisible();
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
});
