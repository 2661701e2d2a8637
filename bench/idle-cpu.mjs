#!/usr/bin/env node
// Idle CPU of the running platform (`make up`), per component and in total, in % of one core:
// the CPU time (utime + stime, /proc/<pid>/stat) its whole process tree spent over a --seconds
// window (default 10, as `top -d 10` would show it), summed over the tree, so a component's worker
// processes (PostgreSQL backends, php-fpm children) count too. Send no traffic while it runs.
// Components and pids come from the runtime's state (.platform/<component>/<component>[.child].pid,
// PostgreSQL's postmaster.pid). Medians of --samples (default 3).
//   node bench/idle-cpu.mjs [--seconds 10] [--samples 3]
// Last line: `idle CPU total X% of one core (median of N x S s)`.
import fs from 'node:fs';
import path from 'node:path';
import { args, median, ROOT, round, sleep } from './lib.mjs';

const SECONDS = Number(args.seconds ?? 10);
const SAMPLES = Number(args.samples ?? 3);
const STATE = path.join(ROOT, '.platform');
const HZ = 100; // USER_HZ on Linux

const readPid = (f) => { try { return Number(fs.readFileSync(f, 'utf8').split('\n')[0].trim()) || undefined; } catch { return undefined; } };

function rootPids() {
  const out = {};
  for (const name of fs.readdirSync(STATE)) {
    const dir = path.join(STATE, name);
    if (!fs.statSync(dir).isDirectory()) continue;
    const pid = readPid(path.join(dir, `${name}.child.pid`)) ?? readPid(path.join(dir, `${name}.pid`)) ?? readPid(path.join(dir, 'data', 'postmaster.pid'));
    if (pid && fs.existsSync(`/proc/${pid}`)) out[name] = pid;
  }
  return out;
}

/** pid -> {ppid, ticks} for every process. */
function snapshot() {
  const procs = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(d), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch { /* gone */ }
  }
  return procs;
}

function treeTicks(procs, root) {
  const children = new Map();
  for (const [pid, p] of procs) (children.get(p.ppid) ?? children.set(p.ppid, []).get(p.ppid)).push(pid);
  let sum = 0;
  const stack = [root];
  const pids = [];
  while (stack.length) {
    const pid = stack.pop();
    const p = procs.get(pid);
    if (!p) continue;
    sum += p.ticks;
    pids.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return { sum, pids };
}

const roots = rootPids();
const samples = [];
for (let i = 0; i < SAMPLES; i++) {
  const a = snapshot();
  const t0 = performance.now();
  await sleep(SECONDS * 1000);
  const b = snapshot();
  const secs = (performance.now() - t0) / 1000;
  const per = {};
  for (const [name, root] of Object.entries(roots)) {
    // CPU of processes alive at both ends (a process that came and went in between is not seen)
    const { pids } = treeTicks(b, root);
    let d = 0;
    for (const pid of pids) d += (b.get(pid)?.ticks ?? 0) - (a.get(pid)?.ticks ?? 0);
    per[name] = round((100 * d) / HZ / secs, 1);
  }
  const total = round(Object.values(per).reduce((x, y) => x + y, 0), 1);
  samples.push({ total, per });
  console.log(JSON.stringify({ sample: i + 1, seconds: round(secs, 1), total, per }));
}
const names = Object.keys(roots);
const med = Object.fromEntries(names.map((n) => [n, median(samples.map((s) => s.per[n]))]));
console.log('MEDIANS ' + JSON.stringify(med));
console.log(`idle CPU total ${median(samples.map((s) => s.total))}% of one core (median of ${SAMPLES} x ${SECONDS} s)`);
