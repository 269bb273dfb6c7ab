import { spawnSync } from "node:child_process";

export interface WrkResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx/3xx answers plus socket errors. */
  errors: number;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function toMs(value: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(value);
  return m ? Number(m[1]) * (UNIT_MS[m[2] as string] ?? Number.NaN) : Number.NaN;
}

/** Parses wrk 4.1's report (with --latency). */
export function parseWrk(output: string, seconds: number): WrkResult {
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? Number.NaN);
  const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? Number.NaN);
  const p50 = /^\s*50%\s+(\S+)/m.exec(output)?.[1] ?? "";
  const p99 = /^\s*99%\s+(\S+)/m.exec(output)?.[1] ?? "";
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = socket ? socket.slice(1).reduce((n, v) => n + Number(v), 0) : 0;
  return {
    requests,
    seconds,
    perSecond,
    p50Ms: toMs(p50),
    p99Ms: toMs(p99),
    errors: non2xx + socketErrors,
  };
}

/** `wrk -t<threads> -c<connections> -d<seconds>s --latency <url>`: a C client that leaves the server its core. */
export function runWrk(
  url: string,
  {
    threads = 2,
    connections = 64,
    seconds = 8,
  }: { threads?: number; connections?: number; seconds?: number } = {},
): WrkResult {
  const run = spawnSync(
    "wrk",
    [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, "--latency", "--timeout", "10s", url],
    { encoding: "utf8" },
  );
  if (run.error) throw new Error(`wrk did not run (${run.error.message}): scripts/install-bench-tools.sh`);
  if (run.status !== 0) throw new Error(`wrk failed on ${url}: ${run.stderr || run.stdout}`);
  return parseWrk(run.stdout, seconds);
}

/**
 * wrk driven by a Lua script (bench/support/*.lua) with its arguments after `--`: up to `maxSeconds`, or until
 * the script stops its threads. Returns wrk's figures and the line the script's `done` prints after "KITE ".
 */
export function runWrkScript(
  url: string,
  script: string,
  args: string[],
  {
    threads = 2,
    connections = 64,
    maxSeconds = 60,
  }: { threads?: number; connections?: number; maxSeconds?: number },
): WrkResult & { script: Record<string, number> } {
  const started = Date.now();
  const run = spawnSync(
    "wrk",
    [
      `-t${threads}`,
      `-c${connections}`,
      `-d${maxSeconds}s`,
      "--latency",
      "--timeout",
      "10s",
      "-s",
      script,
      url,
      "--",
      ...args,
    ],
    { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  if (run.error) throw new Error(`wrk did not run (${run.error.message}): scripts/install-bench-tools.sh`);
  if (run.status !== 0) throw new Error(`wrk failed on ${url}: ${run.stderr || run.stdout}`);
  const line = /^KITE (\{.*\})$/m.exec(run.stdout)?.[1];
  if (!line) throw new Error(`wrk's script printed no figures:\n${run.stdout}\n${run.stderr}`);
  const took = /requests in ([\d.]+(?:us|ms|s|m)),/.exec(run.stdout)?.[1];
  const seconds = took ? toMs(took) / 1000 : (Date.now() - started) / 1000;
  return { ...parseWrk(run.stdout, seconds), script: JSON.parse(line) as Record<string, number> };
}
