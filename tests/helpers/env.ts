import { afterEach, vi } from "vitest";

/**
 * For tests of modules that read process.env when they load: `withEnv(overrides)` sets the environment on top of
 * the one the file started with and drops the module cache, so the next `import()` reads it; after each test the
 * environment and the cache are put back.
 */
export function freshEnvironment() {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    vi.resetModules();
  });
  return {
    saved,
    withEnv(overrides: Record<string, string | undefined>) {
      process.env = { ...saved, ...overrides } as NodeJS.ProcessEnv;
      vi.resetModules();
    },
  };
}
