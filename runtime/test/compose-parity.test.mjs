// Compose parity: the configuration each Compose service really gets, derived from its environment
// the way its image's entrypoint maps it (documented rules below), compared with the native runtime's
// configuration files; every difference must be one of the explained ones. Plus the healthchecks
// that can run here against the same Debian packages (php-fpm -t as www-data, nginx -t).
// No Docker engine: `docker-compose config` (Debian's 1.29, as in compose-check) resolves the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { ROOT } from '../support.mjs';

const sh = (cmd, args, opts = {}) => spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', ...opts });

// Debian's docker-compose (and the python3-yaml it brings), installed like every runtime package
const install = sh('bash', ['-c', 'NAME=compose-parity; . runtime/lib.sh; command -v docker-compose >/dev/null || apt_install docker-compose']);
assert.equal(install.status, 0, install.stderr);

/** docker-compose config with throwaway secrets (the production env file's empty values filled). */
function composeConfig() {
  const dir = mkdtempSync(`${tmpdir()}/compose-parity-`);
  const env = readFileSync(`${ROOT}.env.production.example`, 'utf8')
    .split('\n').map((l) => (/^[A-Z_]+=$/.test(l) ? `${l}${randomBytes(12).toString('hex')}` : l)).join('\n');
  writeFileSync(`${dir}/env`, env);
  // (1.29 has no JSON output: Debian's python3-yaml, which docker-compose itself uses, converts)
  const r = sh('bash', ['-o', 'pipefail', '-c', `docker-compose -f docker-compose.yml --env-file ${dir}/env config | /usr/bin/python3 -c 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'`]);
  rmSync(dir, { recursive: true, force: true });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout).services;
}
const services = composeConfig();

/** key=value lines of a .properties file, with the runtime's @PLACEHOLDER@s left as they are. */
const properties = (file) => Object.fromEntries(readFileSync(`${ROOT}${file}`, 'utf8').split('\n')
  .map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

/** Fails on any key that differs and is not explained. */
function compare(what, native, compose, explained) {
  const problems = [];
  for (const key of new Set([...Object.keys(native), ...Object.keys(compose)])) {
    if (explained[key]) continue;
    if (!(key in compose)) problems.push(`${key}: native ${native[key]}, not set in Compose`);
    else if (!(key in native)) problems.push(`${key}: Compose ${compose[key]}, not set natively`);
    else if (String(native[key]) !== String(compose[key])) problems.push(`${key}: native ${native[key]} vs Compose ${compose[key]}`);
  }
  assert.deepEqual(problems, [], `${what}: unexplained differences`);
}

// apache/kafka image (docker/examples README): with any KAFKA_* set, server.properties is written
// from them alone; a property name becomes KAFKA_ + upper-case with . -> _, _ -> __, - -> ___.
export function kafkaProperties(env) {
  const skip = new Set(['KAFKA_HEAP_OPTS', 'KAFKA_LOG4J_OPTS', 'KAFKA_JMX_OPTS', 'KAFKA_OPTS']);
  return Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('KAFKA_') && !skip.has(k)).map(([k, v]) => [
    k.slice(6).toLowerCase().replace(/___/g, '-').replace(/__/g, '\u0000').replace(/_/g, '.').replace(/\u0000/g, '_'), String(v),
  ]));
}

// debezium/connect entrypoint: fixed unprefixed names (with the image's defaults) are exported as
// CONNECT_* first, overwriting CONNECT_ versions of them; then every CONNECT_<NAME> becomes
// <name> lower-cased with _ -> . (CONNECT_LOG4J_* go to log4j instead).
const CONNECT_FIXED = {
  BOOTSTRAP_SERVERS: ['bootstrap.servers'], GROUP_ID: ['group.id', '1'], CONFIG_STORAGE_TOPIC: ['config.storage.topic'],
  OFFSET_STORAGE_TOPIC: ['offset.storage.topic'], STATUS_STORAGE_TOPIC: ['status.storage.topic'],
  KEY_CONVERTER: ['key.converter', 'org.apache.kafka.connect.json.JsonConverter'],
  VALUE_CONVERTER: ['value.converter', 'org.apache.kafka.connect.json.JsonConverter'],
  OFFSET_FLUSH_INTERVAL_MS: ['offset.flush.interval.ms', '60000'], OFFSET_FLUSH_TIMEOUT_MS: ['offset.flush.timeout.ms', '5000'],
  SHUTDOWN_TIMEOUT: ['task.shutdown.graceful.timeout.ms', '10000'], REST_PORT: ['rest.port', '8083'],
};
export function connectProperties(env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) {
    if (k.startsWith('CONNECT_') && !k.startsWith('CONNECT_LOG4J')) out[k.slice(8).toLowerCase().replace(/_/g, '.')] = String(v);
  }
  for (const [name, [prop, fallback]] of Object.entries(CONNECT_FIXED)) {
    const v = env[name] ?? fallback;
    if (v !== undefined) out[prop] = String(v);
  }
  return out;
}

test('the documented mappings themselves (so a wrong mapping cannot hide a difference)', () => {
  assert.deepEqual(kafkaProperties({ KAFKA_LOG_DIRS: '/d', KAFKA_ABC___DEF: 'x', KAFKA_ABC__DEF: 'y', KAFKA_HEAP_OPTS: '-Xmx1g' }),
    { 'log.dirs': '/d', 'abc-def': 'x', abc_def: 'y' });
  const c = connectProperties({ CONNECT_OFFSET_FLUSH_INTERVAL_MS: '1000', CONNECT_SCHEDULED_REBALANCE_MAX_DELAY_MS: '0', DB_HOST: 'postgres' });
  assert.equal(c['offset.flush.interval.ms'], '60000', 'the entrypoint overwrites CONNECT_OFFSET_FLUSH_INTERVAL_MS with its default');
  assert.equal(c['scheduled.rebalance.max.delay.ms'], '0');
  assert.equal(c['db.host'], undefined);
});

test('kafka: the broker Compose configures = kafka/server.properties, except the explained keys', () => {
  compare('kafka', properties('kafka/server.properties'), kafkaProperties(services.kafka.environment), {
    listeners: 'two listeners in Compose (the network and the host), one natively',
    'advertised.listeners': 'service name / localhost instead of 127.0.0.1',
    'listener.security.protocol.map': 'listener names INTERNAL/EXTERNAL instead of PLAINTEXT',
    'inter.broker.listener.name': 'INTERNAL (the Compose network) instead of PLAINTEXT',
    'controller.quorum.voters': 'kafka:9093 instead of 127.0.0.1 (and 3 voters in the cluster profile)',
    'log.dirs': 'the image volume /var/lib/kafka/data instead of .platform/kafka/data',
  });
  assert.equal(kafkaProperties(services.kafka.environment)['log.dirs'], '/var/lib/kafka/data');
  assert.ok(services.kafka.volumes.some((v) => (v.target ?? v.split(':')[1]) === '/var/lib/kafka/data'), 'log.dirs is on the volume');
});

test('connect: the worker Compose configures = connectors/connect-distributed.properties, except the explained keys', () => {
  compare('connect', properties('connectors/connect-distributed.properties'), connectProperties(services.connect.environment), {
    'bootstrap.servers': 'kafka:19092 instead of 127.0.0.1:9092',
    listeners: 'the image listens on REST_PORT (rest.port 8083) on all interfaces',
    'rest.port': 'the image default 8083, the native listener carries the same port',
    'rest.advertised.host.name': 'the image advertises its container host name',
    'rest.advertised.port': 'the image advertises REST_PORT',
    'rest.advertised.listener': 'the image default (http), as natively',
    'plugin.discovery': 'natively the jars are on the class path (service_load); the image uses its plugin.path (default discovery)',
    'task.shutdown.graceful.timeout.ms': 'the image default 10000 ms = the Kafka default used natively',
    'config.providers.env.param.allowlist.pattern': 'not set in either; listed in case one adds it',
  });
});

test('elasticsearch: the settings Compose passes = elasticsearch/config/elasticsearch.yml, except the explained keys', () => {
  const native = Object.fromEntries(readFileSync(`${ROOT}elasticsearch/config/elasticsearch.yml`, 'utf8').split('\n')
    .map((l) => l.replace(/#.*/, '').trim()).filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
  // the ES image turns environment variables whose names contain a dot into settings
  const compose = Object.fromEntries(Object.entries(services.elasticsearch.environment).filter(([k]) => k.includes('.')).map(([k, v]) => [k, String(v)]));
  compare('elasticsearch', native, compose, {
    'node.name': 'the service name, so the cluster profile can name its peers',
    'path.data': 'the image volume', 'path.logs': 'the image logs to stdout',
    'network.host': 'the image binds all interfaces of its container', 'http.port': 'same 9200, rendered natively',
    'transport.port': 'the image default 9300, as natively',
    'xpack.security.enabled': 'Compose is closed by default (F7, docs/security.md): password auth on; the native node listens on 127.0.0.1 only',
    'xpack.security.http.ssl.enabled': 'HTTP inside the Compose network only',
    'xpack.security.transport.ssl.enabled': 'transport TLS, required for the cluster profile', 'xpack.security.transport.ssl.verification_mode': '〃',
    'xpack.security.transport.ssl.certificate_authorities': '〃', 'xpack.security.transport.ssl.certificate': '〃', 'xpack.security.transport.ssl.key': '〃',
    'discovery.seed_hosts': 'single-node ignores it; the cluster profile lists the 3 nodes',
    'cluster.routing.allocation.disk.threshold_enabled': 'native dev machines have small disks; a server keeps the disk watermarks',
  });
});

test('admin-service healthcheck: php-fpm -t with the image config passes as www-data; without --fpm-config it fails (the bug)', () => {
  const check = services['admin-service'].healthcheck.test.at(-1);
  // the healthcheck's php-fpm part as written (its redirections included: the config logs to fd 2)
  const fpmT = check.match(/php-fpm8\.2 -t .*?2>&1/)[0].replace('/var/www/admin/', `${ROOT}admin-service/`);
  const run = (cmd) => sh('runuser', ['-u', 'www-data', '--', 'bash', '-c', cmd], { env: { ...process.env, PHP_FPM_LISTEN: '127.0.0.1:0' } });
  sh('bash', ['-c', `d=${ROOT}admin-service/docker; while [ "$d" != / ]; do chmod o+x "$d" 2>/dev/null; d=$(dirname "$d"); done`]);
  const ok = run(fpmT);
  assert.equal(ok.status, 0, `${fpmT}: ${ok.stderr}`);
  const bare = run('php-fpm8.2 -t >/dev/null 2>&1');
  assert.notEqual(bare.status, 0, 'Debian default config as www-data must fail, else this test proves nothing');
});

test('nginx: the template rendered with the Compose service environment passes nginx -t', () => {
  const env = { ...services.nginx.environment };
  // nginx -t resolves an upstream block's host names at load time: no Docker DNS here
  env.GATEWAY_UPSTREAM = '127.0.0.1:3000';
  const dir = mkdtempSync(`${tmpdir()}/nginx-compose-`);
  const vars = Object.keys(env).map((k) => `\${${k}}`).join(' ');
  const site = sh('envsubst', [vars], { input: readFileSync(`${ROOT}runtime/nginx/commerce.conf.template`, 'utf8'), env: { ...process.env, ...env } });
  assert.equal(site.status, 0, site.stderr);
  assert.doesNotMatch(site.stdout, /\$\{[A-Z_]+\}/, 'every template variable is set by the Compose service');
  writeFileSync(`${dir}/site.conf`, site.stdout);
  writeFileSync(`${dir}/fastcgi_params`, readFileSync('/etc/nginx/fastcgi_params'));
  writeFileSync(`${dir}/nginx.conf`, `pid ${dir}/nginx.pid; error_log stderr; events {}
http { include /etc/nginx/mime.types; client_body_temp_path ${dir}; include ${dir}/site.conf; }`);
  const t = sh('nginx', ['-t', '-c', `${dir}/nginx.conf`, '-e', `${dir}/error.log`]);
  rmSync(dir, { recursive: true, force: true });
  assert.equal(t.status, 0, t.stderr);
});

test('every long-running Compose service restarts unless stopped; one-shots never', () => {
  for (const [name, svc] of Object.entries(services)) {
    if (svc.restart === 'no') continue;
    assert.equal(svc.restart, 'unless-stopped', name);
  }
  for (const job of ['migrate', 'connector-register', 'es-certs', 'admin-service-key']) assert.equal(services[job].restart, 'no', job);
  // the admin can call the gateway only once its service key exists
  assert.deepEqual(services['admin-service'].depends_on['admin-service-key'], { condition: 'service_completed_successfully' });
  assert.deepEqual(services['admin-service-key'].command, ['php', 'artisan', 'api-key:provision-service']);
});
