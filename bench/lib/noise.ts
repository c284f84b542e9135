import { readdirSync, readFileSync } from 'node:fs';

/**
 * How busy the machine was with work that is not ours. This machine is shared: other people's
 * tests and browsers run on the same two cores, and a latency measured while they burst is theirs
 * as much as ours. Every second the meter reads the CPU time of the whole machine (/proc/stat)
 * and of our own processes (this one and all its descendants: servers, builds, Chromium), and
 * keeps the difference.
 */

/** This process and every process descended from it. */
function ourProcesses(): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const ours = [process.pid];
  for (let i = 0; i < ours.length; i++) ours.push(...(children.get(ours[i] as number) ?? []));
  return ours;
}

function machineBusyTicks(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
}

function processTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after "pid (comm) ".
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function ourTicks(previous: Map<number, number>): { total: number; now: Map<number, number> } {
  const now = new Map<number, number>();
  let total = 0;
  for (const pid of ourProcesses()) {
    const ticks = processTicks(pid);
    if (ticks === null) continue;
    now.set(pid, ticks);
    total += ticks - (previous.get(pid) ?? ticks);
  }
  return { total, now };
}

/** Samples every second until stopped; `stop()` returns foreign CPU as a share of all cores (0–1). */
export function startNoiseMeter(): { stop(): { meanShare: number; maxShare: number } } {
  let isAvailable = true;
  let machine = 0;
  let ours = new Map<number, number>();
  try {
    machine = machineBusyTicks();
    ours = ourTicks(new Map()).now;
  } catch {
    isAvailable = false;
  }
  const cores = Math.max(1, (readFileSync('/proc/cpuinfo', 'utf8').match(/^processor\s*:/gm) ?? []).length);
  const ticksPerSecond = 100;
  const shares: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    if (!isAvailable) return;
    const nowMachine = machineBusyTicks();
    const mine = ourTicks(ours);
    const elapsedS = (performance.now() - last) / 1000;
    last = performance.now();
    const foreign = Math.max(0, nowMachine - machine - mine.total);
    shares.push(foreign / (ticksPerSecond * elapsedS * cores));
    machine = nowMachine;
    ours = mine.now;
  }, 1000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      if (shares.length === 0) return { meanShare: 0, maxShare: 0 };
      return {
        meanShare: shares.reduce((a, b) => a + b, 0) / shares.length,
        maxShare: Math.max(...shares),
      };
    },
  };
}
