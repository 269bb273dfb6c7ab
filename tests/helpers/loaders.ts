import { setTimeout as sleep } from "node:timers/promises";

/**
 * A cache loader that counts its calls, for tests of caches that must share one load: `loads` is how often it ran;
 * each call waits `delayMs` (if given, so that concurrent callers overlap it) and then returns `value(loads)`.
 */
export function countingLoader<T>(value: (loads: number) => T, { delayMs }: { delayMs?: number } = {}) {
  const loader = {
    loads: 0,
    load: async (): Promise<T> => {
      loader.loads += 1;
      if (delayMs !== undefined) await sleep(delayMs);
      return value(loader.loads);
    },
  };
  return loader;
}
