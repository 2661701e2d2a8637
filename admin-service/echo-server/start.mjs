// The admin's Echo server: laravel-echo-server (Socket.IO 2 + Redis pub/sub), configured from the
// environment. Laravel publishes broadcasts on Redis; this relays them to browsers at
// /admin/socket.io (through nginx) and asks the admin's POST /admin/broadcasting/auth, with the
// browser's cookies and CSRF header, whether a socket may join a private channel.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const echo = require('laravel-echo-server');

const env = process.env;
// The read-only HTTP API (/apps/<id>/channels/<name>: subscription counts) only with an id and key
// (auth_key or Bearer); the server is not reachable from outside (nginx proxies /admin/socket.io/ only).
const clients = env.ADMIN_ECHO_APP_ID && env.ADMIN_ECHO_API_KEY ? [{ appId: env.ADMIN_ECHO_APP_ID, key: env.ADMIN_ECHO_API_KEY }] : [];
const origins = (env.PUBLIC_ORIGIN ?? 'http://localhost:8080').split(',').map((o) => new URL(o.trim()).host).filter(Boolean);

echo.run({
  host: env.ADMIN_ECHO_BIND ?? '127.0.0.1',
  port: Number(env.ADMIN_ECHO_PORT ?? 6001),
  protocol: 'http',
  authHost: env.ADMIN_ECHO_AUTH_HOST ?? `http://127.0.0.1:${env.NGINX_PORT ?? 8080}`,
  authEndpoint: '/admin/broadcasting/auth',
  database: 'redis',
  databaseConfig: {
    redis: { host: env.REDIS_HOST ?? '127.0.0.1', port: Number(env.REDIS_PORT ?? 6379), password: env.REDIS_PASSWORD || undefined, keyPrefix: '' },
    publishPresence: false,
  },
  devMode: env.ADMIN_ECHO_DEBUG === '1',
  // Socket.IO 2 origin check ("host:port" entries): only the platform's own pages may connect.
  socketio: { path: '/admin/socket.io', origins: origins.map((h) => (h.includes(':') ? h : `${h}:*`)).join(' ') },
  subscribers: { http: false, redis: true },
  apiOriginAllow: { allowCors: false },
  clients,
});
