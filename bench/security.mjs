#!/usr/bin/env node
// Issue 9 figures, against a real gateway from api-gateway/dist (own port, bench database, own Redis
// key prefix; limits raised so that only the code under test answers):
//  1. F1: the doubling fragment chain with 20 and 26 fragments: time until the 400 (median of --runs);
//  2. F1: GET /health/live alone (baseline) and during a burst of 20 concurrent 26-fragment
//     documents (median and max of the probes taken while the burst runs);
//  3. F8: login time for unknown emails vs a known email (wrong and right password), interleaved.
//
//   node bench/security.mjs [--runs 15] [--logins 15] [--port 3093]
import { args, benchDatabase, median, require, round, startGateway } from './lib.mjs';

const bcrypt = require('bcryptjs');
const RUNS = Number(args.runs ?? 15);
const LOGINS = Number(args.logins ?? 15);
const PORT = Number(args.port ?? 3093);

function fragmentChain(n) { // same document as api-gateway/test/support/graphql-abuse.ts
  const parts = ['fragment F0 on Category { id slug }'];
  for (let k = 1; k <= n; k++) parts.push(`fragment F${k} on Category { a: children { ...F${k - 1} } b: children { ...F${k - 1} } }`);
  return `{ categories { ...F${n} } } ${parts.join(' ')}`;
}

async function timed(fn) {
  const t0 = process.hrtime.bigint();
  const res = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, res };
}

const post = (url, path, body) => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function main() {
  const db = await benchDatabase('commerce_bench');
  const email = 'security-bench@example.test';
  const password = 'Bench-security-42';
  await db.query(`INSERT INTO users (email, name, password_hash) VALUES ($1, 'Bench', $2)
                  ON CONFLICT ((lower(email))) DO UPDATE SET password_hash = EXCLUDED.password_hash, is_disabled = false`, [email, bcrypt.hashSync(password, 12)]);
  await db.end();
  const gw = await startGateway(PORT, {
    DB_DATABASE: 'commerce_bench', REDIS_DB: '8', REDIS_KEY_PREFIX: `bench-security-${process.pid}:`, LOG_LEVEL: 'warn', BCRYPT_COST: '12',
    GRAPHQL_RATE_LIMIT: '1000000', AUTH_RATE_LIMIT: '1000000', AUTH_ACCOUNT_RATE_LIMIT: '1000000',
  });
  try {
    console.log(`gateway ${gw.url}; ${RUNS} runs per figure, medians`);
    // warm-up (JIT, connections)
    for (let i = 0; i < 5; i++) { await post(gw.url, '/graphql', { query: fragmentChain(26) }); await fetch(`${gw.url}/health/live`); }

    // the refusal's own CPU cost, in-process (what the event loop is blocked for), without HTTP
    const { buildSchema } = require('graphql');
    const { parseWithinLimits } = require('./dist/graphql/query-limits');
    const schema = buildSchema(require('./dist/graphql/schema.graphql').TYPE_DEFS);
    for (const n of [20, 26]) {
      const doc = fragmentChain(n);
      for (let i = 0; i < 50; i++) parseWithinLimits(schema, doc);
      const cpu = [];
      for (let i = 0; i < RUNS * 10; i++) cpu.push((await timed(async () => parseWithinLimits(schema, doc))).ms);
      console.log(`F1 ${n} fragments: limits check in-process ${round(median(cpu), 3)} ms (median of ${cpu.length})`);
    }

    for (const n of [20, 26]) {
      const doc = fragmentChain(n);
      const times = [];
      for (let i = 0; i < RUNS; i++) {
        const { ms, res } = await timed(() => post(gw.url, '/graphql', { query: doc }));
        if (res.status !== 400) throw new Error(`expected 400 for ${n} fragments, got ${res.status}`);
        await res.text();
        times.push(ms);
      }
      console.log(`F1 ${n} fragments (${doc.length} B): refused in ${round(median(times), 2)} ms (max ${round(Math.max(...times), 2)})`);
    }

    const live = async () => (await timed(async () => { const r = await fetch(`${gw.url}/health/live`); await r.text(); return r; })).ms;
    const alone = [];
    for (let i = 0; i < RUNS * 2; i++) alone.push(await live());
    const during = [];
    for (let run = 0; run < RUNS; run++) {
      let done = false;
      const burst = Promise.all(Array.from({ length: 20 }, () => post(gw.url, '/graphql', { query: fragmentChain(26) }).then((r) => r.text()))).then(() => { done = true; });
      do during.push(await live()); while (!done);
      await burst;
    }
    console.log(`/health/live alone: median ${round(median(alone), 2)} ms; during bursts of 20 x F1(26): median ${round(median(during), 2)} ms, max ${round(Math.max(...during), 2)} ms (${during.length} probes)`);

    const unknown = [], wrong = [], right = [];
    for (let i = 0; i < LOGINS; i++) {
      unknown.push((await timed(() => post(gw.url, '/api/auth/login', { email: `nobody-${process.pid}-${i}@example.test`, password }).then((r) => r.text()))).ms);
      wrong.push((await timed(() => post(gw.url, '/api/auth/login', { email, password: 'Not-the-password-1' }).then((r) => r.text()))).ms);
      right.push((await timed(() => post(gw.url, '/api/auth/login', { email, password }).then((r) => r.text()))).ms);
    }
    const u = median(unknown);
    const pct = (x) => `${x >= u ? '+' : ''}${round((100 * (x - u)) / u, 1)}%`;
    console.log(`F8 login medians (${LOGINS} each, bcrypt cost 12): unknown email ${round(u)} ms; known email, wrong password ${round(median(wrong))} ms (${pct(median(wrong))}); ` +
      `known email, right password ${round(median(right))} ms (${pct(median(right))})`);
  } finally {
    await gw.stop();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
