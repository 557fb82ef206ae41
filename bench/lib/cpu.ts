/**
 * Where a phase's CPU went, by process (Linux /proc): the server under test, the PostgreSQL
 * processes on this machine (every backend and background worker), the benchmark itself (the load
 * generator) and the rest of the machine. Divided by the operations the phase did, it says what
 * one operation costs in CPU time, hence how many cores a throughput needs: a figure that does
 * not depend on how busy or fast the machine happened to be, unlike operations per second.
 *
 * The per-process figures are each process's user + system time (/proc/<pid>/stat); threads
 * included. A PostgreSQL on another host is not seen (its line reads 0 and says so); PGlite runs
 * inside the server, so its work is the server's.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * A process's user + system CPU time in ms, that of its exited children it has reaped, and its
 * parent's pid; undefined when it is gone or /proc is missing.
 */
function processCpu(pid: number | string): { own: number; children: number; ppid: string } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces and parentheses), from field 3 (state):
    // ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (ticks: number) => (ticks * 1000) / clockTicks();
    return { own: ms(Number(rest[11]) + Number(rest[12])), children: ms(Number(rest[13]) + Number(rest[14])), ppid: rest[1]! };
  } catch {
    return undefined;
  }
}

function comm(pid: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

export interface CpuSnapshot {
  at: number;
  server: number;
  /** Per PostgreSQL pid: backends come and go, so a phase sums each pid's growth. */
  postgres: Map<string, number>;
  /** What the postmasters reaped: backends that exited, whole lives (cutime + cstime). */
  postgresExited: number;
  bench: number;
  machineBusy: number;
  machineTotal: number;
  available: boolean;
}

function machineTimes(): { busy: number; total: number } {
  try {
    const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const v = fields.map(Number);
    // user nice system idle iowait irq softirq steal: idle, iowait and steal (the hypervisor's
    // time for other guests) are not this machine's work.
    const total = v.slice(0, 8).reduce((s, x) => s + x, 0);
    return { busy: total - v[3]! - v[4]! - v[7]!, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

export function cpuSnapshot(serverPid: number): CpuSnapshot {
  const postgres = new Map<string, number>();
  let postgresExited = 0;
  let available = true;
  try {
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid) || comm(pid) !== 'postgres') continue;
      const cpu = processCpu(pid);
      if (!cpu) continue;
      postgres.set(pid, cpu.own);
      if (comm(cpu.ppid) !== 'postgres') postgresExited += cpu.children;
    }
  } catch {
    available = false;
  }
  const server = processCpu(serverPid)?.own;
  const usage = process.cpuUsage();
  const m = machineTimes();
  return {
    at: performance.now(),
    server: server ?? 0,
    postgres,
    postgresExited,
    bench: (usage.user + usage.system) / 1000,
    machineBusy: m.busy,
    machineTotal: m.total,
    available: available && server !== undefined,
  };
}

export interface CpuPerOperation {
  /** CPU ms per operation. */
  server: number;
  postgres: number;
  bench: number;
  other: number;
  /** Share of the machine's cores that were busy over the phase. */
  busy: number;
  cores: number;
  available: boolean;
}

export function cpuPerOperation(before: CpuSnapshot, after: CpuSnapshot, operations: number): CpuPerOperation {
  const cores = os.cpus().length;
  // Each live backend's growth; a backend that exited during the phase is in its postmaster's
  // reaped total with its whole life, so what it had used before the phase comes off again.
  let postgres = after.postgresExited - before.postgresExited;
  for (const [pid, ms] of after.postgres) postgres += ms - (before.postgres.get(pid) ?? 0);
  for (const [pid, ms] of before.postgres) if (!after.postgres.has(pid)) postgres -= ms;
  const server = after.server - before.server;
  const bench = after.bench - before.bench;
  const machineTicks = after.machineTotal - before.machineTotal;
  const busyMs = machineTicks > 0 ? ((after.machineBusy - before.machineBusy) * 1000) / clockTicks() : 0;
  const per = (ms: number) => (operations > 0 ? ms / operations : 0);
  return {
    server: per(server),
    postgres: per(postgres),
    bench: per(bench),
    other: per(Math.max(0, busyMs - server - postgres - bench)),
    busy: machineTicks > 0 ? (after.machineBusy - before.machineBusy) / machineTicks : 0,
    cores,
    available: before.available && after.available,
  };
}

/**
 * One line for a report: CPU per operation by process, how busy the machine was, and the cores a
 * rate would need for the server and PostgreSQL at these costs (the load generator excluded: in
 * production it is the customers' browsers and mail servers).
 */
export function describeCpu(c: CpuPerOperation, what: string, targetPerSecond: number): string {
  if (!c.available) return `CPU per ${what}: not measured (no /proc)`;
  const f = (ms: number) => `${ms.toFixed(2)} ms`;
  const serving = c.server + c.postgres;
  return (
    `CPU per ${what}: server ${f(c.server)}, PostgreSQL ${c.postgres > 0 ? f(c.postgres) : '— (embedded, or on another host)'}, ` +
    `load generator ${f(c.bench)}, rest of the machine ${f(c.other)}; ${(c.busy * 100).toFixed(0)} % of ${c.cores} cores busy. ` +
    `${targetPerSecond.toLocaleString('en-US')}/s would keep ${((serving * targetPerSecond) / 1000).toFixed(1)} cores busy for the server and PostgreSQL`
  );
}
