import { expect, test } from "../support/fixtures";

/*
 * The Open Graph pictures of a product and a sale: the page's head names them, and each is a real PNG of
 * 1200 × 630 drawn by the store (fonts and pictures bundled, nothing fetched). An unknown slug is a 404.
 */

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
function pngSize(body: Buffer): { width: number; height: number } {
  expect([...body.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(body.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

test.describe("shopper: share pictures", () => {
  for (const path of ["/products/kite-9-pro", "/sales/kite-band-4-flash"]) {
    test(`${path} has an Open Graph PNG of 1200 × 630`, async ({ page, request }) => {
      await page.goto(path);
      const content = await page.locator('meta[property="og:image"]').first().getAttribute("content");
      expect(content).toContain(`${path}/opengraph-image`);
      await expect(page.locator('meta[property="og:image:width"]').first()).toHaveAttribute(
        "content",
        "1200",
      );

      const image = await request.get(new URL(content ?? "", page.url()).pathname);
      expect(image.status()).toBe(200);
      expect(image.headers()["content-type"]).toBe("image/png");
      expect(pngSize(await image.body())).toEqual({ width: 1200, height: 630 });
    });
  }

  test("an unknown product or sale has no picture", async ({ page, request }) => {
    for (const [path, junk] of [
      ["/products/kite-9-pro", "/products/no-such-gadget"],
      ["/sales/kite-band-4-flash", "/sales/no-such-sale"],
    ] as const) {
      await page.goto(path);
      const content = await page.locator('meta[property="og:image"]').first().getAttribute("content");
      // The route's own address (Next adds a suffix to it), for a slug that names nothing.
      const image = new URL(content ?? "", page.url()).pathname.replace(path, junk);
      expect(image).toMatch(/\/opengraph-image/);
      expect((await request.get(image)).status()).toBe(404);
    }
  });
});
