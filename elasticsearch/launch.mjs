#!/usr/bin/env node
// Starts the Elasticsearch server JVM from a cached launch descriptor, the way Elasticsearch's own
// launcher does once its preparer has run (runtime/components/elasticsearch.sh, "Fast start").
//
//   node elasticsearch/launch.mjs <launch-descriptor.bin>
//
// bin/elasticsearch runs four JVMs before the server: the Java version check, the launcher
// (org.elasticsearch.server.launcher.ServerLauncher), its preparer (the server CLI: jvm.options,
// heap ergonomics, which runs one more JVM with -XX:+PrintFlagsFinal) which writes a
// LaunchDescriptor to its stdout. The descriptor holds everything the server needs: the java
// command, JVM options and arguments, environment, working and temp directory, and the serialized
// server arguments (node settings, config and logs paths, keystore secrets) that the server reads
// from its stdin. The component caches it (keyed by the configuration) and this script does what
// the launcher does with it: same command line, environment and directory, the server arguments
// on stdin, stdin kept open for the server's life (the server exits when it closes, as when its
// launcher dies), stderr pumped to ours without the "ready" marker byte.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const MAGIC = 0x45534c44; // "ESLD", LaunchDescriptor.MAGIC
const READY_MARKER = 0x18; // the byte the server writes to stderr once it is up (BootstrapInfo)

/** LaunchDescriptor.writeTo: DataOutputStream ints, booleans and writeUTF strings. */
export function readDescriptor(buf) {
  let o = 0;
  const int = () => { const v = buf.readInt32BE(o); o += 4; return v; };
  const utf = () => {
    const n = buf.readUInt16BE(o);
    o += 2;
    const s = buf.toString('utf8', o, o + n); // modified UTF-8 = UTF-8 for paths and options without NUL
    o += n;
    return s;
  };
  const list = () => Array.from({ length: int() }, utf);
  if (int() !== MAGIC) throw new Error('not an Elasticsearch launch descriptor (bad magic)');
  const command = utf();
  const jvmOptions = list();
  const jvmArgs = list();
  const environment = Object.fromEntries(Array.from({ length: int() }, () => [utf(), utf()]));
  const workingDir = utf();
  const tempDir = utf();
  const daemonize = buf[o++] !== 0;
  const size = int();
  const serverArgs = buf.subarray(o, o + size);
  if (serverArgs.length !== size || o + size !== buf.length) throw new Error('truncated launch descriptor');
  return { command, jvmOptions, jvmArgs, environment, workingDir, tempDir, daemonize, serverArgs };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const d = readDescriptor(readFileSync(process.argv[2]));
  mkdirSync(d.workingDir, { recursive: true });
  mkdirSync(d.tempDir, { recursive: true });
  const server = spawn(d.command, [...d.jvmOptions, ...d.jvmArgs], { cwd: d.workingDir, env: d.environment, stdio: ['pipe', 'inherit', 'pipe'] });
  server.stdin.on('error', () => undefined); // the server went away: its exit is handled below
  server.stdin.write(d.serverArgs); // and stdin stays open
  server.stderr.on('data', (chunk) => process.stderr.write(chunk.filter((b) => b !== READY_MARKER)));
  // platform.sh stops the whole process group: the server gets SIGTERM itself and shuts down cleanly;
  // this process only outlives it to keep its stdin open
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => undefined);
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
  server.on('error', (err) => { process.stderr.write(`cannot start ${d.command}: ${err.message}\n`); process.exit(1); });
}
