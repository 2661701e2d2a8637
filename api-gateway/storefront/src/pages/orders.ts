import { api, ApiError, Order } from '../api';
import { el, focusHeading, link } from '../dom';
import { dateTime, money } from '../format';
import { onLeave } from '../router';
import { loadSession } from '../session';
import { announce } from '../announce';

const STATUS_LABELS: Record<string, string> = {
  pending: 'Pending', paid: 'Paid', payment_failed: 'Payment failed', cancelled: 'Cancelled',
  shipped: 'Shipped', delivered: 'Delivered', refunded: 'Refunded',
};
const statusBadge = (status: string, orderId: string | number): HTMLElement =>
  el('span', { class: `status status-${status}`, testid: 'order-status', 'data-order-id': orderId, 'data-status': status, textContent: STATUS_LABELS[status] ?? status });

/** Keeps every status badge of the page in step with the gateway's Socket.IO events. */
function live(root: HTMLElement, refetch: () => void): void {
  const indicator = el('p', { class: 'live muted', testid: 'live', 'data-state': 'connecting', textContent: 'Connecting to live updates…' });
  const heading = root.querySelector('h1');
  if (heading) heading.after(indicator); else root.prepend(indicator);
  let stop: (() => void) | null = null;
  let left = false;
  onLeave(() => { left = true; stop?.(); });
  // socket.io-client is loaded only by the pages that show orders (the search page stays light)
  void import('../live').then(({ watchOrders }) => { if (!left) stop = watchOrders((e) => {
    let changed = false;
    for (const badge of root.querySelectorAll<HTMLElement>(`[data-testid=order-status][data-order-id="${CSS.escape(String(e.orderId))}"]`)) {
      badge.replaceWith(statusBadge(e.status, e.orderId));
      changed = true;
    }
    if (changed) announce(`Order ${e.orderNumber} is now ${STATUS_LABELS[e.status] ?? e.status}`);
    else refetch(); // a new order (another tab): redraw the list
  }, (connected) => {
    indicator.dataset.state = connected ? 'connected' : 'offline';
    indicator.textContent = connected ? '● Live: statuses update by themselves' : 'Live updates reconnecting…';
    if (connected) refetch(); // whatever changed while we were offline
  }); });
}

async function requireUser(main: HTMLElement, next: string): Promise<boolean> {
  if (await loadSession()) return true;
  main.replaceChildren(el('h1', { textContent: 'My orders' }), el('p', {}, ['Please ', link(`/account?next=${encodeURIComponent(next)}`, 'sign in', { testid: 'orders-sign-in' }), ' to see your orders.']));
  return false;
}

/** /orders: my orders, newest first, with live status. */
export async function ordersPage(main: HTMLElement): Promise<void> {
  document.title = 'My orders — Shop';
  if (!(await requireUser(main, '/orders'))) return;
  const list = el('ol', { class: 'orders', testid: 'orders' });
  const section = el('section', {}, [el('h1', { textContent: 'My orders' }), list]);
  main.replaceChildren(section);
  focusHeading(main);
  const load = async () => {
    const page = await api<{ items: Order[] }>('/api/orders?pageSize=50').catch(() => null);
    if (!page) return;
    list.replaceChildren(...(page.items.length ? page.items.map(orderRow) : [el('li', { textContent: 'No orders yet.' })]));
  };
  live(section, () => void load());
  await load();
}

function orderRow(o: Order): HTMLElement {
  return el('li', { class: 'order-row', testid: 'order-row', 'data-order-id': o.id }, [
    link(`/orders/${o.id}`, o.number, { class: 'order-number' }),
    el('span', { class: 'muted', textContent: dateTime(o.createdAt) }),
    el('span', { textContent: money(o.total, o.currency) }),
    statusBadge(o.status, o.id),
  ]);
}

/** /orders/<id>: one order; right after checkout (?placed=1) it is the confirmation page. */
export async function orderPage(main: HTMLElement, { id }: Record<string, string>): Promise<void> {
  document.title = 'Order — Shop';
  if (!(await requireUser(main, `/orders/${id}`))) return;
  let order: Order;
  try {
    order = await api<Order>(`/api/orders/${encodeURIComponent(id)}`);
  } catch (err) {
    main.replaceChildren(el('h1', { textContent: err instanceof ApiError && err.status === 404 ? 'Order not found' : 'Something went wrong' }), link('/orders', 'My orders'));
    return;
  }
  const placed = new URLSearchParams(location.search).has('placed');
  document.title = `${order.number} — Shop`;
  const section = el('section', { class: 'order', testid: 'order' }, [
    el('h1', { testid: placed ? 'confirmation' : 'order-title' }, placed && order.status === 'paid'
      ? ['Thank you! Your order ', el('span', { testid: 'order-number', textContent: order.number }), ' is paid.']
      : ['Order ', el('span', { testid: 'order-number', textContent: order.number })]),
    el('p', {}, ['Status: ', statusBadge(order.status, order.id)]),
    placed ? el('p', { class: 'muted', textContent: 'A confirmation email is on its way. You can follow this order under “My orders”.' }) : null,
    el('ul', { class: 'cart-lines' }, order.items.map((l) => el('li', { class: 'cart-line' }, [
      el('div', { class: 'line-name', textContent: `${l.name} (${l.sku})` }),
      el('div', { textContent: `× ${l.quantity}` }),
      el('div', { class: 'line-total', textContent: money(l.lineTotal, order.currency) }),
    ]))),
    el('p', { class: 'cart-total' }, [el('strong', { testid: 'order-total', textContent: `Total ${money(order.total, order.currency)}` })]),
    el('p', {}, [link('/orders', 'All my orders'), ' · ', link('/', 'Continue shopping')]),
  ]);
  main.replaceChildren(section);
  live(section, async () => {
    const fresh = await api<Order>(`/api/orders/${encodeURIComponent(id)}`).catch(() => null);
    const badge = section.querySelector('[data-testid=order-status]');
    if (fresh && badge) badge.replaceWith(statusBadge(fresh.status, fresh.id));
  });
  focusHeading(main);
}
