import { describe, expect, it } from "vitest";
import { chooseStoreOrigin } from "./origin";

describe("the store origin for links back into the store", () => {
  const local = "http://localhost:3000";

  it.each([
    ["127.0.0.1:3000", "http://127.0.0.1:3000"],
    ["localhost:3000", "http://localhost:3000"],
    ["[::1]:3000", "http://[::1]:3000"],
  ])("keeps the loopback name the shopper used (%s)", (host, origin) => {
    expect(chooseStoreOrigin({ configured: local, host })).toBe(origin);
  });

  it.each([
    ["another port", "127.0.0.1:3001"],
    ["another host", "evil.example"],
    ["a host with a path", "127.0.0.1:3000/evil"],
    ["a host with credentials", "user@127.0.0.1:3000"],
    ["junk", "%%%"],
    ["no host", null],
  ])("answers the configured origin for %s", (_label, host) => {
    expect(chooseStoreOrigin({ configured: local, host })).toBe(local);
  });

  it("never follows the Host header of a deployment", () => {
    expect(chooseStoreOrigin({ configured: "https://kite.example", host: "127.0.0.1" })).toBe(
      "https://kite.example",
    );
    expect(chooseStoreOrigin({ configured: "https://kite.example", host: "evil.example" })).toBe(
      "https://kite.example",
    );
  });
});
