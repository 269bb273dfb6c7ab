import { describe, expect, it } from "vitest";
import { pageBefore } from "./paging";

describe("pageBefore", () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: 100 - i }));

  it("with the extra row back: the page without it, and the next page before the page's last row", () => {
    expect(pageBefore(rows(4), 3)).toEqual({ page: rows(3), nextBefore: 98 });
  });

  it("with no extra row, or none at all: every row read, and no next page", () => {
    expect(pageBefore(rows(3), 3)).toEqual({ page: rows(3), nextBefore: null });
    expect(pageBefore(rows(1), 3)).toEqual({ page: rows(1), nextBefore: null });
    expect(pageBefore([], 3)).toEqual({ page: [], nextBefore: null });
  });

  it("keeps the ids' own type: uuids stay strings", () => {
    const ids = ["c", "b", "a"].map((id) => ({ id }));
    expect(pageBefore(ids, 2).nextBefore).toBe("b");
  });
});
