/** Types of scripts/query-probes.mjs, for the tests and the benchmark that import it. */
export declare const QUERY_PROBE_HEADER: "x-kite-query-probe";
export declare function queryProbesAllowed(env?: NodeJS.ProcessEnv): boolean;
export declare function installQueryProbes(): <T>(
  headers: Record<string, string | string[] | undefined>,
  handle: () => T,
) => T;
export declare function uninstallQueryProbes(): void;
