// The faults, one per scenario: how to inject it, how to heal it, what "healed" means.
// inject/heal receive the scenario context {mode, hold(ms), note(k, v), ...}; heal resolves once
// the component is healthy again (not once the index caught up: that is measured afterwards).
import path from 'node:path';
import { CONNECTOR, ROOT, STATE, URLS, env, http, log, pidAlive, platform, platformUp, readPid, require, sleep, spawnGatewayProcess, until } from './lib.mjs';

const ok = (url) => async () => (await http(url, { timeoutMs: 2000, json: false })).status === 200;
const down = async (c) => { const r = await platform('down', c); if (r.code !== 0) throw new Error(`down ${c}: ${r.stderr}`); };
const GROUP = env.INDEXER_GROUP_ID || 'search-indexer';

/** kill -9 of a supervised app's child; resolves once the supervisor has a new, healthy child. */
async function killSupervised(name, healthy, ctx) {
  // right after a `platform.sh up` the supervisor may still be starting (or backing off): wait for its child
  const { value: old } = await until(`${name} running under its supervisor`, 60_000, async () => { const p = readPid(name); return pidAlive(p) && (await healthy()) && p; });
  process.kill(old, 'SIGKILL');
  ctx.note('killedPid', old);
  return async () => {
    const r = await until(`${name} back under its supervisor`, 60_000, async () => {
      const pid = readPid(name);
      return pid && pid !== old && pidAlive(pid) && (await healthy());
    });
    ctx.note('backMs', r.ms);
  };
}

async function groupMembers() {
  const { Kafka, logLevel, AssignerProtocol } = require('kafkajs');
  const admin = new Kafka({ brokers: (env.KAFKA_BROKERS || '127.0.0.1:9092').split(','), clientId: 'fault-suite', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([GROUP]);
    const g = groups[0];
    return {
      state: g.state,
      members: g.members.map((m) => {
        let parts = 0;
        try { const a = AssignerProtocol.MemberAssignment.decode(m.memberAssignment); for (const p of Object.values(a?.assignment || {})) parts += p.length; } catch { /* empty */ }
        return { id: m.memberId, host: m.clientHost, partitions: parts };
      }),
    };
  } finally { await admin.disconnect(); }
}

export const SCENARIOS = [
  {
    name: 'indexer-kill9',
    title: '`kill -9` the indexer mid-batch; the supervisor restarts it',
    async inject(ctx) {
      // mid-batch: the indexer has applied events within the last half second
      await until('indexer busy', 20_000, async () => (await http(`${URLS.indexer}/stats`, { timeoutMs: 1000 })).body?.lastEventAgeSeconds < 0.5, 50).catch(() => {});
      ctx.healer = await killSupervised('indexer', ok(`${URLS.indexer}/health`), ctx);
    },
    async heal(ctx) { await ctx.healer(); },
    restore: ['indexer'],
  },
  {
    name: 'two-indexers',
    title: 'two indexers in one consumer group; `kill -9` one, the other takes over its partitions',
    async prepare(ctx) {
      const port = Number(process.env.FAULTS_SECOND_INDEXER_PORT || 3011);
      ctx.second = spawnGatewayProcess('indexer.js', { INDEXER_HTTP_PORT: String(port) }, path.join(STATE, 'second-indexer.log'));
      ctx.cleanups.push(() => ctx.second.stop());
      await until('second indexer healthy', 90_000, ok(`http://127.0.0.1:${port}/health`));
      const r = await until('two members share the partitions', 90_000, async () => {
        const g = await groupMembers();
        return g.state === 'Stable' && g.members.length === 2 && g.members.every((m) => m.partitions > 0) && g;
      }, 500);
      ctx.note('membersBefore', r.value.members.map((m) => m.partitions).join('+') + ' partitions');
    },
    async inject(ctx) {
      await ctx.second.kill9();
    },
    async heal(ctx) {
      const r = await until('the surviving indexer owns every partition', 120_000, async () => {
        const g = await groupMembers();
        return g.state === 'Stable' && g.members.length === 1 && g;
      }, 500);
      ctx.note('takeoverMs', r.ms);
      ctx.note('membersAfter', `${r.value.members[0].partitions} partitions on 1 member`);
    },
    restore: ['indexer'],
  },
  {
    name: 'connect-restart',
    title: 'restart Kafka Connect (Debezium)',
    async inject() { await down('connect'); },
    async heal(ctx) { ctx.note('upMs', await platformUp('connect', 'connector')); },
    restore: ['connector'],
  },
  {
    name: 'kafka-restart',
    title: 'restart Kafka',
    async inject() { await down('kafka'); },
    async heal(ctx) { ctx.note('upMs', await platformUp('kafka')); },
    restore: ['indexer', 'order-worker', 'connector'],
  },
  {
    name: 'es-restart',
    title: 'restart Elasticsearch (the index survives on disk)',
    shopperView: true,
    async inject() { await down('elasticsearch'); },
    async heal(ctx) { ctx.note('upMs', await platformUp('elasticsearch')); },
    restore: ['elasticsearch', 'indexer', 'api-gateway'],
  },
  {
    name: 'postgres-restart',
    title: 'restart PostgreSQL',
    async inject() { await down('postgres'); },
    async heal(ctx) { ctx.note('upMs', await platformUp('postgres')); },
    restore: ['indexer', 'connector', 'api-gateway', 'order-worker'],
  },
  {
    name: 'indexer-stop',
    title: 'stop the indexer for {hold} s while writes go on; it catches up from lag',
    hold: { full: 60, ci: 15 },
    async inject() { await down('indexer'); },
    async heal(ctx) { await sleep(ctx.holdMs); ctx.note('upMs', await platformUp('indexer')); },
    restore: ['indexer'],
  },
  {
    name: 'connector-pause',
    title: 'pause the Debezium connector for {hold} s, then resume',
    hold: { full: 60, ci: 10 },
    async inject() {
      const r = await http(`${URLS.connect}/connectors/${CONNECTOR}/pause`, { method: 'PUT' });
      if (r.status !== 202) throw new Error(`pause answered ${r.status}`);
    },
    async heal(ctx) {
      await sleep(ctx.holdMs);
      const r = await http(`${URLS.connect}/connectors/${CONNECTOR}/resume`, { method: 'PUT' });
      if (r.status !== 202) throw new Error(`resume answered ${r.status}`);
      await until('connector RUNNING', 60_000, async () => {
        const s = (await http(`${URLS.connect}/connectors/${CONNECTOR}/status`)).body;
        return s?.connector?.state === 'RUNNING' && s.tasks?.every((t) => t.state === 'RUNNING');
      });
    },
    restore: ['connector'],
  },
  {
    name: 'redis-flush',
    title: 'Redis flushed (FLUSHALL) mid-run',
    async inject(ctx) {
      const Redis = require('ioredis');
      const r = new Redis({ host: env.REDIS_HOST, port: Number(env.REDIS_PORT), lazyConnect: true, maxRetriesPerRequest: 1 });
      await r.connect();
      ctx.note('keysBefore', await r.dbsize());
      await r.flushall();
      await r.quit();
    },
    async heal() {},
    restore: ['redis'],
  },
  {
    name: 'gateway-kill9',
    title: '`kill -9` a gateway process during order placement (reservations released by the reaper)',
    async prepare(ctx) {
      // the buyers of this scenario order through a gateway of our own whose reservations expire
      // after 5 s (the platform's worker reaps them); the supervised gateway keeps 900 s
      const port = Number(process.env.FAULTS_ORDER_GATEWAY_PORT || 3010);
      const start = () => spawnGatewayProcess('main.js', { GATEWAY_PORT: String(port), GATEWAY_HOST: '127.0.0.1', ORDER_RESERVATION_TTL_SECONDS: '5', SEARCH_EVENTS_ENABLED: 'false' }, path.join(STATE, 'order-gateway.log'));
      ctx.gw = start();
      ctx.restartGw = async () => { ctx.gw = start(); await until('order gateway ready', 60_000, ok(`http://127.0.0.1:${port}/health/ready`)); };
      ctx.cleanups.push(() => ctx.gw.stop());
      await until('order gateway ready', 60_000, ok(`http://127.0.0.1:${port}/health/ready`));
      ctx.orderTarget = `http://127.0.0.1:${port}`;
    },
    async inject(ctx) {
      // during placement: wait for orders in flight on it, then kill -9 it and the supervised gateway
      await until('orders in flight', 10_000, async () => ctx.inflight() > 0, 5).catch(() => {});
      ctx.note('inflightAtKill', ctx.inflight());
      await ctx.gw.kill9();
      ctx.healer = await killSupervised('api-gateway', ok(`${URLS.gateway}/health/live`), ctx);
    },
    async heal(ctx) {
      await sleep(1000); // like the supervisor's first backoff
      await ctx.restartGw();
      await ctx.healer();
    },
    settleMs: 90_000,
    restore: ['api-gateway'],
  },
];
