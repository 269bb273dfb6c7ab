import { readdirSync, readFileSync } from "node:fs";

/** Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ, 100 on every Linux this runs on). */
const MS_PER_TICK = 10;

interface ProcStat {
  pid: number;
  ppid: number;
  command: string;
  ticks: number;
}

/** utime + stime of one process from /proc/<pid>/stat, or null when it is gone. */
function readStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may hold spaces: split after the last ")".
  const command = text.slice(text.indexOf("(") + 1, text.lastIndexOf(")"));
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  // Fields from 3 on: state(3) ppid(4) … utime(14) stime(15); here index 0 is field 3.
  const ppid = Number(fields[1]);
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { pid, ppid, command, ticks };
}

function allStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) stats.push(stat);
  }
  return stats;
}

/**
 * CPU time in milliseconds used so far by the live processes named `command` (e.g. "postgres": the server and its
 * backends). A backend that exits between two readings takes its time with it, so read around runs that keep their
 * connections open (the store's pool does).
 */
export function commandCpuMs(command: string): number {
  return allStats()
    .filter((s) => s.command === command)
    .reduce((sum, s) => sum + s.ticks * MS_PER_TICK, 0);
}

/** CPU time in milliseconds used so far by `root` and every live descendant of it. */
export function treeCpuMs(root: number): number {
  const stats = allStats();
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  let ticks = 0;
  const queue = stats.filter((s) => s.pid === root);
  while (queue.length) {
    const s = queue.pop() as ProcStat;
    ticks += s.ticks;
    queue.push(...(children.get(s.pid) ?? []));
  }
  return ticks * MS_PER_TICK;
}
