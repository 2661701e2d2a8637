// Holds one Socket.IO connection to the running gateway with an access token (argv[2]: the URL, the
// token is read from SOCKET_TOKEN) and prints one JSON line per event: {"event":"connected"}, then
// {"event":"disconnect","reason":...}. Used by the admin's PHPUnit tests to see a socket drop.
import { createRequire } from 'node:module';
const require = createRequire(new URL('../../../api-gateway/package.json', import.meta.url));
const { io } = require('socket.io-client');

const say = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const socket = io(process.argv[2], {
  path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true,
  auth: { token: process.env.SOCKET_TOKEN },
});
socket.on('connect', () => say({ event: 'connected' }));
socket.on('connect_error', (err) => { say({ event: 'connect_error', message: err.message }); process.exit(1); });
socket.on('disconnect', (reason) => { say({ event: 'disconnect', reason }); process.exit(0); });
setTimeout(() => { say({ event: 'timeout' }); process.exit(2); }, 30_000);
