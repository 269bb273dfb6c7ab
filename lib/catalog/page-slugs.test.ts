import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSlugList } from "./page-slugs";

describe("createSlugList: the proxy's list of real slugs", () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  /** A "database" whose rows the test commits, counting reads and when each started. */
  function source() {
    const rows = new Set<string>(["old"]);
    const starts: number[] = [];
    const read = async () => {
      starts.push(Date.now());
      return new Set(rows);
    };
    return { rows, starts, list: createSlugList(read, { minIntervalMs: 1_000 }) };
  }

  it("a slug committed right after a read is found by the next request, after a wait of at most the interval", async () => {
    const { rows, starts, list } = source();
    expect((await list.get()).has("old")).toBe(true);
    vi.setSystemTime(200);
    rows.add("new-sale");
    const answer = list.fresh().then((s) => s.has("new-sale"));
    await vi.advanceTimersByTimeAsync(799);
    expect(starts).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await answer).toBe(true);
    expect(starts).toEqual([0, 1_000]);
  });

  it("a miss never joins a read that started before it arrived", async () => {
    const { rows, starts, list } = source();
    await list.get();
    vi.setSystemTime(5_000);
    // A read starts at 5000 (first miss) …
    const first = list.fresh();
    await vi.advanceTimersByTimeAsync(0);
    // … the row is committed and a second miss arrives while that read's answer is on its way.
    rows.add("late");
    const second = list.fresh();
    await first;
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await second).has("late")).toBe(true);
    expect(starts).toEqual([0, 5_000, 6_000]);
  });

  it("a flood of misses costs one read per interval, shared by everyone waiting", async () => {
    const { starts, list } = source();
    await list.get();
    const answers = Array.from({ length: 500 }, () => list.fresh().then((s) => s.has("junk")));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await Promise.all(answers)).toEqual(Array(500).fill(false));
    expect(starts).toEqual([0, 1_000]);
  });

  it("a failed read keeps the last good list and the next miss reads again", async () => {
    let fail = false;
    let reads = 0;
    const list = createSlugList(
      async () => {
        reads++;
        if (fail) throw new Error("database down");
        return new Set(["a"]);
      },
      { minIntervalMs: 1_000 },
    );
    await list.get();
    fail = true;
    const failed = list.fresh();
    const settled = expect(failed).rejects.toThrow("database down");
    await vi.advanceTimersByTimeAsync(1_000);
    await settled;
    expect((await list.get()).has("a")).toBe(true);
    fail = false;
    const again = list.fresh();
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await again).has("a")).toBe(true);
    expect(reads).toBe(3);
  });
});
