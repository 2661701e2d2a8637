// An open order page follows its order: a status change made elsewhere (another admin, the
// payment flow, the reservation reaper) updates the status shown and retires the stale buttons.
import { adminEcho, markConnected, replaceStatusPill } from '../live/echo';
import { escapeHtml } from '../live/toasts';

const page = document.querySelector('[data-testid="order-page"]');
if (page) {
  adminEcho()
    .private(`admin.orders.${page.dataset.orderId}`)
    .listen('.order.status_changed', (change) => {
      const pill = page.querySelector('[data-testid="order-status"]');
      if (pill) replaceStatusPill(pill, change.status);
      const note = page.querySelector('[data-testid="live-status"]');
      if (note) {
        note.innerHTML = `Moved from ${escapeHtml(change.previousStatus ?? '?')} to <strong>${escapeHtml(change.status)}</strong> just now.
          <a href="${window.location.pathname}" class="underline">Reload</a> to see the moves allowed from here.`;
        note.classList.remove('hidden');
      }
      page.querySelector('[data-testid="status-form"]')?.remove();
    });
  markConnected(page, 'live');
}
