import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

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
 * wrk driven by a Lua script (bench/support/*.lua) with its arguments after `--`: for `maxSeconds`, or, with
 * `doneFiles`, until the script has written one file per thread under that prefix, or until `until` says so
 * (then wrk is interrupted and reports as usual). Returns wrk's figures and the line the script's `done` prints after "KITE ".
 */
export async function runWrkScript(
  url: string,
  script: string,
  args: string[],
  {
    threads = 2,
    connections = 64,
    maxSeconds = 60,
    doneFiles,
    until,
  }: {
    threads?: number;
    connections?: number;
    maxSeconds?: number;
    doneFiles?: string;
    /** Polled every 100 ms: true interrupts wrk (it then reports as usual). */
    until?: () => Promise<boolean>;
  },
): Promise<WrkResult & { script: Record<string, number> }> {
  const started = Date.now();
  const child = spawn(
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
      ...(doneFiles ? [doneFiles] : []),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once("error", (error) =>
      reject(new Error(`wrk did not run (${error.message}): scripts/install-bench-tools.sh`)),
    );
    child.once("close", (code) => resolve(code));
  });
  let finished = false;
  void exited.finally(() => {
    finished = true;
  });
  if (doneFiles || until) {
    const files = Array.from({ length: threads }, (_, i) => `${doneFiles}${i}`);
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      if (finished) break;
      if ((doneFiles && files.every((f) => existsSync(f))) || (until && (await until()))) {
        child.kill("SIGINT");
        break;
      }
    }
  }
  const code = await exited;
  if (code !== 0) throw new Error(`wrk failed on ${url}: ${stderr || stdout}`);
  const line = /^KITE (\{.*\})$/m.exec(stdout)?.[1];
  if (!line) throw new Error(`wrk's script printed no figures:\n${stdout}\n${stderr}`);
  const took = /requests in ([\d.]+(?:us|ms|s|m)),/.exec(stdout)?.[1];
  const seconds = took ? toMs(took) / 1000 : (Date.now() - started) / 1000;
  return { ...parseWrk(stdout, seconds), script: JSON.parse(line) as Record<string, number> };
}
