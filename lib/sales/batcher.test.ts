import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createBatcher } from "./batcher";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Counts the calls of `around(work)` running at once; `most` is the highest count seen. */
function concurrencyGauge() {
  let running = 0;
  const gauge = {
    most: 0,
    async around<T>(work: () => Promise<T>): Promise<T> {
      running += 1;
      gauge.most = Math.max(gauge.most, running);
      try {
        return await work();
      } finally {
        running -= 1;
      }
    },
  };
  return gauge;
}

describe("createBatcher", () => {
  it("sends a lone item at once, and groups what arrives while batches are in flight", async () => {
    const calls: number[][] = [];
    const gates: ReturnType<typeof deferred<void>>[] = [];
    const batcher = createBatcher<number, number>({
      maxBatch: 3,
      maxInFlight: 1,
      run: async (items) => {
        calls.push(items);
        const gate = deferred<void>();
        gates.push(gate);
        await gate.promise;
        return items.map((n) => n * 10);
      },
    });
    const first = batcher.submit(1);
    expect(calls).toEqual([[1]]);
    const rest = [2, 3, 4, 5].map((n) => batcher.submit(n));
    expect(calls).toHaveLength(1);
    gates[0]?.resolve();
    expect(await first).toBe(10);
    await sleep(0);
    expect(calls).toEqual([[1], [2, 3, 4]]);
    gates[1]?.resolve();
    await sleep(0);
    expect(calls).toEqual([[1], [2, 3, 4], [5]]);
    gates[2]?.resolve();
    expect(await Promise.all(rest)).toEqual([20, 30, 40, 50]);
  });

  it("never runs more than maxInFlight batches at once", async () => {
    const gauge = concurrencyGauge();
    const batcher = createBatcher<number, number>({
      maxBatch: 2,
      maxInFlight: 3,
      run: (items) => gauge.around(() => sleep(2).then(() => items)),
    });
    const out = await Promise.all(Array.from({ length: 40 }, (_, i) => batcher.submit(i)));
    expect(out).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(gauge.most).toBe(3);
  });

  it("fails only the items of a failed batch, and refuses an answer of the wrong length", async () => {
    let call = 0;
    const batcher = createBatcher<string, string>({
      maxBatch: 10,
      maxInFlight: 1,
      run: async (items) => {
        call += 1;
        if (call === 1) return items;
        if (call === 2) throw new Error("connection lost");
        if (call === 3) return items.slice(1);
        return items;
      },
    });
    const a = batcher.submit("a");
    const b = batcher.submit("b");
    const c = batcher.submit("c");
    expect(await a).toBe("a");
    await expect(b).rejects.toThrow("connection lost");
    await expect(c).rejects.toThrow("connection lost");
    await expect(batcher.submit("d")).rejects.toThrow(/0 results for 1 items/);
    // And it keeps serving afterwards.
    expect(await batcher.submit("e")).toBe("e");
  });
});
