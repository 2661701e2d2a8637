#!/usr/bin/env node
// Dependency-free Kafka readiness probe: sends a Metadata v4 request (all topics) over the
// Kafka wire protocol and exits 0 when the broker answers with at least one live broker
// in its metadata (i.e. the KRaft broker is registered and unfenced). Starts in ~50 ms, unlike
// a JVM-based tool, so the orchestrator can poll it every second.
//   node kafka/healthcheck.mjs [host:port] [timeoutMs]   (prints "brokers=N controller=ID")
import net from 'node:net';

const [host, portStr] = (process.argv[2] || process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',')[0].split(':');
const timeoutMs = Number(process.argv[3] || 3000);
const clientId = Buffer.from('platform-healthcheck');

// Request header v1: api_key INT16, api_version INT16, correlation_id INT32, client_id STRING
// Metadata v4 body: topics ARRAY (-1 = null = all topics), allow_auto_topic_creation BOOLEAN
const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length + 4 + 1);
let o = 0;
o = body.writeInt16BE(3, o);        // Metadata
o = body.writeInt16BE(4, o);        // v4
o = body.writeInt32BE(4242, o);     // correlation id
o = body.writeInt16BE(clientId.length, o);
o += clientId.copy(body, o);
o = body.writeInt32BE(-1, o);       // all topics
body.writeInt8(0, o);               // no auto creation
const frame = Buffer.concat([Buffer.alloc(4), body]);
frame.writeInt32BE(body.length, 0);

const done = (code, msg) => { if (msg) (code ? console.error : console.log)(msg); process.exit(code); };
const sock = net.connect({ host, port: Number(portStr) });
sock.setTimeout(timeoutMs, () => done(1, `timeout after ${timeoutMs} ms`));
sock.on('error', (e) => done(1, `kafka ${host}:${portStr} not reachable: ${e.code || e.message}`));
sock.on('connect', () => sock.write(frame));
let buf = Buffer.alloc(0);
sock.on('data', (chunk) => {
  buf = Buffer.concat([buf, chunk]);
  if (buf.length < 4 || buf.length < 4 + buf.readInt32BE(0)) return;
  try {
    let p = 4;
    const corr = buf.readInt32BE(p); p += 4;
    if (corr !== 4242) return done(1, 'unexpected correlation id');
    p += 4;                                   // throttle_time_ms
    const brokers = buf.readInt32BE(p); p += 4;
    for (let i = 0; i < brokers; i++) {
      p += 4;                                 // node_id
      p += 2 + buf.readInt16BE(p);            // host
      p += 4;                                 // port
      const rack = buf.readInt16BE(p); p += 2 + Math.max(rack, 0);
    }
    const clusterIdLen = buf.readInt16BE(p); p += 2 + Math.max(clusterIdLen, 0);
    const controller = buf.readInt32BE(p);
    if (brokers < 1) return done(1, 'broker answered but has no live brokers yet');
    done(0, `brokers=${brokers} controller=${controller}`);
  } catch (e) {
    done(1, `bad metadata response: ${e.message}`);
  }
});
