// Laravel Echo over the admin's Echo server (laravel-echo-server, Socket.IO 2) at /admin/socket.io.
// Private channels are authorized by POST /admin/broadcasting/auth: the Echo server forwards this
// page's cookies (the shared access_token) and the CSRF token Echo reads from <meta name="csrf-token">.
import Echo from 'laravel-echo';
import io from 'socket.io-client';

let echo;

export function adminEcho() {
  echo ??= new Echo({
    broadcaster: 'socket.io',
    client: io,
    host: window.location.origin,
    path: '/admin/socket.io',
    transports: ['websocket', 'polling'],
  });
  return echo;
}

/** Sets data-<key>="connected" on `element` once the socket is up (the browser test waits for it). */
export function markConnected(element, key) {
  const socket = adminEcho().connector.socket;
  const mark = () => { element.dataset[key] = 'connected'; };
  if (socket.connected) mark();
  socket.on('connect', mark);
}

/** The URL of an order page, from the server-rendered <meta name="order-url" content="…/orders/__ID__">. */
export function orderUrl(id) {
  const template = document.querySelector('meta[name="order-url"]')?.content ?? '/admin/orders/__ID__';
  return template.replace('__ID__', encodeURIComponent(String(id)));
}

/** Replaces a status pill by the server-rendered one of `status` (from <template id="order-status-pills">). */
export function replaceStatusPill(pill, status) {
  const rendered = document.getElementById('order-status-pills')?.content.querySelector(`[data-status="${CSS.escape(status)}"]`);
  if (!rendered) {
    pill.dataset.status = status;
    pill.textContent = status.replace('_', ' ');
    return pill;
  }
  const fresh = rendered.cloneNode(true);
  if (pill.dataset.testid) fresh.dataset.testid = pill.dataset.testid;
  pill.replaceWith(fresh);
  return fresh;
}
