import type { OrderEventPayload } from '../events/order-events';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Confirmation email of a paid order, rendered from the order.paid event alone. */
export function renderOrderConfirmation(e: OrderEventPayload): RenderedMail {
  const items = e.items ?? [];
  const name = e.customer?.name || 'customer';
  const subject = `Order ${e.orderNumber} confirmed`;
  const textLines = items.map(
    (l) => `  ${l.quantity} x ${l.name} (${l.sku}) @ ${l.unitPrice} ${e.currency} = ${l.lineTotal} ${e.currency}`,
  );
  const text = [
    `Hello ${name},`,
    '',
    `thank you for your order ${e.orderNumber}. Your payment was received.`,
    '',
    ...textLines,
    '',
    `Total: ${e.total} ${e.currency}`,
  ].join('\n');
  const rows = items
    .map(
      (l) =>
        `<tr><td>${escapeHtml(l.sku)}</td><td>${escapeHtml(l.name)}</td><td>${l.quantity}</td><td>${l.unitPrice}</td><td>${l.lineTotal}</td></tr>`,
    )
    .join('');
  const html =
    `<p>Hello ${escapeHtml(name)},</p><p>thank you for your order <strong>${escapeHtml(e.orderNumber)}</strong>. Your payment was received.</p>` +
    `<table><thead><tr><th>SKU</th><th>Item</th><th>Qty</th><th>Unit price</th><th>Line total</th></tr></thead><tbody>${rows}</tbody></table>` +
    `<p><strong>Total: ${e.total} ${escapeHtml(e.currency)}</strong></p>`;
  return { subject, text, html };
}
