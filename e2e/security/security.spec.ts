import type { Page } from "@playwright/test";
import { uniqueEmail } from "../support/env";
import { expect, test } from "../support/fixtures";
import { AuthPages } from "../support/pages";
import { freshLoopback, signInFrom } from "./from-address";

const DASHES = "-".repeat(36);

// Several page loads, sign-ins (bcrypt) or bursts per test, on two cores shared with the rest of the suite.
test.beforeEach(() => test.slow());

/** Every Content-Security-Policy complaint the browser makes while `run` goes on. */
async function cspViolations(page: Page, run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  await run();
  return seen;
}

test.describe("security: headers", () => {
  test("shared pages carry one fixed CSP, per-visitor pages a fresh nonce; pages pass them and cannot be framed", async ({
    page,
    accounts,
  }) => {
    const shopper = await accounts.create();
    // The homepage is served from cache to everyone: its policy cannot hold a nonce, so it is the same every time.
    const response = await page.goto("/");
    const headers = response?.headers() ?? {};
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'unsafe-inline'(;|$)/);
    expect(csp).not.toContain("nonce-");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect((await page.request.get("/")).headers()["content-security-policy"]).toBe(csp);

    // Sign-in renders per request: a nonce policy, new for every response.
    const signIn = (await page.request.get("/sign-in")).headers()["content-security-policy"] ?? "";
    expect(signIn).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(signIn).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const signInAgain = (await page.request.get("/sign-in")).headers()["content-security-policy"];
    expect(signInAgain).not.toBe(signIn);

    const violations = await cspViolations(page, async () => {
      await page.goto("/products/kite-9-pro");
      // Hydrated: a client-side tab switch works under the policy.
      await page.getByRole("tab", { name: /Specifications/i }).click();
      await expect(page).toHaveURL(/tab=specs/);
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(shopper.email);
      await page.getByLabel("Password").fill(shopper.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      await page.goto("/account");
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Hi");
    });
    expect(violations).toEqual([]);
  });

  test("JSON answers allow nothing to run or frame them", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test.describe("security: redirects", () => {
  test("callbackUrl cannot leave the store or break the page", async ({ shopperPage: page, baseURL }) => {
    const origin = new URL(baseURL ?? "").origin;
    for (const callback of [
      "/%09/evil.example",
      "/%5Cevil.example",
      "%2F%2Fevil.example",
      "/%0A/evil.example",
    ]) {
      const response = await page.goto(`/sign-in?callbackUrl=${callback}`);
      expect(response?.status(), callback).toBeLessThan(400);
      expect(new URL(page.url()).origin, callback).toBe(origin);
    }
  });

  test("the sign-in form returns to a same-origin path only", async ({ page, baseURL, accounts }) => {
    const shopper = await accounts.create();
    const origin = new URL(baseURL ?? "").origin;
    await page.goto("/sign-in?callbackUrl=/%09/evil.example");
    await page.getByLabel("Email").fill(shopper.email);
    await page.getByLabel("Password").fill(shopper.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    expect(new URL(page.url()).origin).toBe(origin);
  });
});

test.describe("security: ids and bodies", () => {
  test("ids that only look like ids are 404s, never 500s", async ({ shopperPage: page }) => {
    expect((await page.request.get(`/api/sales/holds/${DASHES}`)).status()).toBe(404);
    // Streaming pages have sent 200 before notFound(): what matters is the not-found page, not the error page.
    for (const path of [
      `/account/orders/${DASHES}`,
      `/checkout/cancel?order=${DASHES}`,
      `/sales/holds/${DASHES}`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(500);
      await expect(
        page.locator("main").getByRole("heading", { name: "This page flew away" }),
        path,
      ).toBeVisible({
        timeout: 20_000,
      });
    }
  });

  test("a huge body is refused with 413 before it is read; cross-site JSON is refused", async ({
    shopperPage: page,
    baseURL,
  }) => {
    const reserve = "/api/sales/00000000-0000-4000-8000-000000000000/reserve";
    const huge = `{"skuId":1,"pad":"${"x".repeat(8 * 1024 * 1024)}"}`;
    const big = await page.request.post(reserve, {
      headers: { "content-type": "application/json" },
      data: huge,
    });
    expect(big.status()).toBe(413);
    const plain = await page.request.post(reserve, {
      headers: { "content-type": "text/plain", origin: new URL(baseURL ?? "").origin },
      data: '{"skuId":1}',
    });
    expect(plain.status()).toBe(415);
    const foreign = await page.request.post(reserve, {
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      data: '{"skuId":1}',
    });
    expect(foreign.status()).toBe(403);
    const unknownSku = await page.request.post(reserve, {
      headers: { "content-type": "application/json" },
      data: { skuId: 2_147_483_648 },
    });
    expect(unknownSku.status()).toBe(400);
  });
});

test.describe("security: throttles and addresses", () => {
  test("per-address sign-in limit follows the socket, not X-Forwarded-For", async ({ baseURL, accounts }) => {
    const shopper = await accounts.create();
    const from = freshLoopback();
    // 40 wrong passwords at once from one socket, each with a fresh forged X-Forwarded-For: the address's bucket
    // (30) is taken before any password is checked, so at least 10 are refused whatever the forged header says.
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        signInFrom(from, baseURL ?? "", {
          email: uniqueEmail("spray"),
          password: "wrong-password-1",
          forwardedFor: `203.0.113.${i}`,
        }),
      ),
    );
    const refused = answers.filter((a) => a?.startsWith("Too many sign-in attempts"));
    expect(refused.length).toBeGreaterThanOrEqual(10);
    expect(answers.filter((a) => a === "CredentialsSignin").length + refused.length).toBe(40);
    expect(refused[0]).toMatch(/try again in/);
    // Another address is not affected.
    expect(
      await signInFrom(freshLoopback(), baseURL ?? "", {
        email: shopper.email,
        password: shopper.password,
      }),
    ).toBeNull();
  });

  test("an account cools down after 5 wrong passwords; the form says when to retry", async ({
    page,
    baseURL,
  }) => {
    const email = uniqueEmail("cool");
    const password = "kite-fan-2026!";
    const auth = new AuthPages(page);
    await auth.signUpAndWait("Cool Fan", email, password);
    await auth.signOut();
    const from = freshLoopback();
    for (let i = 0; i < 5; i++) {
      expect(await signInFrom(from, baseURL ?? "", { email, password: "wrong-password-1" })).toBe(
        "CredentialsSignin",
      );
    }
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(
      page.getByText(/Too many sign-in attempts\. For your security, try again in 3 minutes\./),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("sign-up answers an existing email exactly as a new one", async ({ browser, accounts }) => {
    const shopper = await accounts.create();
    async function signUpReply(email: string): Promise<string> {
      const context = await browser.newContext();
      const page = await context.newPage();
      const replies: string[] = [];
      // Read the action's answer on its way to the page (a new account navigates away at once).
      await page.route("**/sign-up**", async (route) => {
        if (route.request().method() !== "POST") return route.continue();
        const response = await route.fetch();
        replies.push(await response.text());
        await route.fulfill({ response });
      });
      await page.goto("/sign-up");
      await page.getByLabel("Name").fill("Someone");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("a-strong-pass-123");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect.poll(() => replies.length).toBe(1);
      await context.close();
      return (replies[0] ?? "").replaceAll(email, "EMAIL");
    }
    const existing = await signUpReply(shopper.email);
    const fresh = await signUpReply(uniqueEmail("enum"));
    expect(existing).toContain('"ok":true');
    expect(existing).toBe(fresh);
  });
});
