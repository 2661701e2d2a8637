// Dashboard and orders list: a new order pops up (toast), the list gains its row, and rows follow
// status changes — all from the private channel admin.orders, without a reload.
import { adminEcho, markConnected, orderUrl, replaceStatusPill } from '../live/echo';
import { escapeHtml, toast } from '../live/toasts';

const money = (total, currency) => `${Number(total).toFixed(2)} ${currency}`;

function onCreated(order) {
  toast(
    `<strong>New order ${escapeHtml(order.number)}</strong><br>${escapeHtml(order.customer ?? '')} · ${escapeHtml(money(order.total, order.currency))}
     <a class="block mt-1 text-indigo-600 dark:text-indigo-400 hover:underline" href="${orderUrl(order.id)}">Open</a>`,
    { testid: 'order-toast' },
  );
  document.body.dataset.lastOrderNumber = order.number;
  const tbody = document.querySelector('[data-testid="orders"] tbody');
  if (!tbody || tbody.querySelector(`[data-order-id="${order.id}"]`)) return;
  const row = document.createElement('tr');
  row.dataset.testid = 'order-row';
  row.dataset.orderId = order.id;
  row.dataset.live = 'true';
  row.className = 'bg-indigo-50/60 dark:bg-indigo-900/30';
  row.innerHTML = `<td class="px-4 py-2 font-medium tabular-nums">${escapeHtml(order.number)}</td>
    <td class="px-4 py-2 text-gray-500 tabular-nums">just now</td>
    <td class="px-4 py-2">${escapeHtml(order.customer ?? '')}</td>
    <td class="px-4 py-2"><span data-status="${escapeHtml(order.status)}"></span></td>
    <td class="px-4 py-2 tabular-nums text-right">${escapeHtml(money(order.total, order.currency))}</td>
    <td class="px-4 py-2 text-right"><a href="${orderUrl(order.id)}" class="text-indigo-600 dark:text-indigo-400 hover:underline">Open</a></td>`;
  replaceStatusPill(row.querySelector('[data-status]'), order.status);
  tbody.prepend(row);
}

function onStatusChanged(change) {
  const pill = document.querySelector(`[data-order-id="${change.id}"] [data-status]`);
  if (pill) replaceStatusPill(pill, change.status);
}

adminEcho()
  .private('admin.orders')
  .listen('.order.created', onCreated)
  .listen('.order.status_changed', onStatusChanged);
markConnected(document.body, 'liveOrders');
