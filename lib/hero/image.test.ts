import { describe, expect, it } from "vitest";
import { heroImageFor } from "./image";

describe("the hero's image", () => {
  it("defaults to the chosen sale's or product's image when the marketer leaves it empty", () => {
    expect(heroImageFor({ chosen: "", targetImage: "/images/products/kite-9-pro-1.svg" })).toBe(
      "/images/products/kite-9-pro-1.svg",
    );
    expect(heroImageFor({ chosen: "   ", targetImage: "/images/p.svg" })).toBe("/images/p.svg");
    expect(heroImageFor({ chosen: undefined, targetImage: "/images/p.svg" })).toBe("/images/p.svg");
  });

  it("keeps an explicit choice", () => {
    expect(heroImageFor({ chosen: "/images/hero/festival.svg", targetImage: "/images/p.svg" })).toBe(
      "/images/hero/festival.svg",
    );
  });

  it("is empty when neither is there (the save then asks for a choice)", () => {
    expect(heroImageFor({ chosen: "", targetImage: null })).toBe("");
  });
});
