import { describe, expect, it } from "vitest";
import { variantLabel } from "./variant-label";

describe("variantLabel", () => {
  it("names colour and storage", () => {
    expect(variantLabel({ colour: "Graphite", storage: "256 GB" })).toBe("Graphite · 256 GB");
  });
  it("names the colour alone when there is no storage size", () => {
    expect(variantLabel({ colour: "Sand", storage: null })).toBe("Sand");
  });
});
