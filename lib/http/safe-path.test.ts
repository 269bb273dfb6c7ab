import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { isSafeLocalPath, resolveAuthRedirect, toSafeLocalPath } from "./safe-path";

describe("same-origin paths for redirects and links", () => {
  it("refuses paths a browser would turn into another origin, or that would break a Location header", () => {
    // What the sign-in page receives for ?callbackUrl=/%09/evil.example (searchParams decode once).
    for (const bad of [
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/%09/evil.example",
      "/%0A/evil.example",
      "/%250A/evil.example",
      "/\\evil.example",
      "/%5Cevil.example",
      "//evil.example",
      "/%2F/evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      " /x",
      "/\u2028/evil.example",
      "/%E2%80%A8/evil.example",
      "/%zz",
      "",
    ]) {
      expect(safeCallbackPath(bad), JSON.stringify(bad)).toBe("/");
      expect(isSafeLocalPath(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it("keeps ordinary paths with their query and fragment, normalised", () => {
    expect(safeCallbackPath("/account")).toBe("/account");
    expect(safeCallbackPath("/checkout/success?session_id=cs_test_1")).toBe(
      "/checkout/success?session_id=cs_test_1",
    );
    expect(safeCallbackPath("/products/kite-9-pro?tab=reviews#top")).toBe(
      "/products/kite-9-pro?tab=reviews#top",
    );
    expect(safeCallbackPath("/sales/../account")).toBe("/account");
    expect(toSafeLocalPath("/search?q=kite band")).toBe("/search?q=kite%20band");
    expect(safeCallbackPath(["/cart", "/x"])).toBe("/cart");
    expect(safeCallbackPath(undefined)).toBe("/");
  });

  it("next-auth's redirect callback stays on the store's origin", () => {
    const baseUrl = "https://kite.example";
    expect(resolveAuthRedirect({ url: "/account", baseUrl })).toBe("https://kite.example/account");
    expect(resolveAuthRedirect({ url: "https://kite.example/cart?x=1", baseUrl })).toBe(
      "https://kite.example/cart?x=1",
    );
    expect(resolveAuthRedirect({ url: "/\t/evil.example", baseUrl })).toBe("https://kite.example/");
    expect(resolveAuthRedirect({ url: "https://evil.example/", baseUrl })).toBe("https://kite.example/");
    expect(resolveAuthRedirect({ url: "https://kite.example.evil.example/", baseUrl })).toBe(
      "https://kite.example/",
    );
  });
});
