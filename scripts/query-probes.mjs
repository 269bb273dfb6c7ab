// Per-request database query counts for tests (issue 16: "after warm-up, N page views cost 0 database queries").
//
// A request that carries `x-kite-query-probe: <id>` is handled inside an AsyncLocalStorage scope holding that id's
// counter; db/client.ts adds every statement it sends to the counter of the scope it is sent from (and to the
// process-wide total). GET /api/qa/queries?probe=<id> reads it back.
//
// Why this and not the process-wide total: the browser suite runs specs in parallel against one server, so the
// total moves with every other spec's work; a probe counts only what this request's handling caused, whoever
// else is busy. Work another request started (a single-flight read that this one merely awaited, a cache fill)
// runs in that request's scope and is not charged here, which is what "this view cost nothing" means.
//
// Only where the QA tools are (QA_SECRET set and STORE_ENV not production): in production the header is ignored,
// so a stranger cannot grow the table of ids, and the route that reads it answers 404.
import { AsyncLocalStorage } from "node:async_hooks";

export const QUERY_PROBE_HEADER = "x-kite-query-probe";
const PROBES = Symbol.for("kite.queryProbes");
const PROBE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Oldest ids are dropped past this; a test reads its probe within seconds. */
const MAX_PROBES = 10_000;

/** Whether this environment has the QA tools (the same rule as lib/env.ts `qaToolsEnabled`). */
export function queryProbesAllowed(env = process.env) {
  const storeEnv = env.STORE_ENV ?? (env.NODE_ENV === "production" ? "production" : "development");
  return Boolean(env.QA_SECRET) && storeEnv !== "production";
}

/**
 * Installs the probe table for this process and returns `withQueryProbe(headers, handle)`, which runs `handle`
 * in the scope of the request's probe (or plainly, when it names none).
 */
export function installQueryProbes() {
  const probes = { storage: new AsyncLocalStorage(), byId: new Map() };
  globalThis[PROBES] = probes;
  return function withQueryProbe(headers, handle) {
    const id = headers[QUERY_PROBE_HEADER];
    if (typeof id !== "string" || !PROBE_ID.test(id)) return handle();
    let probe = probes.byId.get(id);
    if (!probe) {
      if (probes.byId.size >= MAX_PROBES) probes.byId.delete(probes.byId.keys().next().value);
      probe = { count: 0 };
      probes.byId.set(id, probe);
    }
    return probes.storage.run(probe, handle);
  };
}

/** Removes the probe table (tests). */
export function uninstallQueryProbes() {
  delete globalThis[PROBES];
}
