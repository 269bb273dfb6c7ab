/**
 * Before a run against BASE_URL (an existing deployment): re-seed it to the demo state through the QA reset
 * route, so it starts where the self-started store starts (a fresh database). Without this the flows meet what
 * earlier runs left behind: a previous run's featured sale still running takes the homepage hero from the
 * flash-sale flow's sale, old hero schedule entries take whole days, and holds from an earlier run expire in the
 * middle of a stock assertion. The self-started store needs nothing: it has a fresh database every run.
 */
export default async function globalSetup(): Promise<void> {
  const base = process.env.BASE_URL;
  if (!base) return;
  const secret = process.env.QA_SECRET;
  if (!secret) {
    throw new Error(
      `BASE_URL=${base} needs QA_SECRET: the deployment's own QA secret (the suite's default only fits the store it starts itself).`,
    );
  }
  const url = new URL("/api/qa/reset", base);
  const res = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}` },
    signal: AbortSignal.timeout(60_000),
  });
  if (!res.ok) {
    const hint =
      res.status === 401
        ? " (QA_SECRET is not the deployment's)"
        : res.status === 404
          ? " (QA tools are off there: it needs QA_SECRET set and STORE_ENV other than production)"
          : "";
    throw new Error(`resetting ${url} failed: ${res.status}${hint} ${await res.text()}`);
  }
}
