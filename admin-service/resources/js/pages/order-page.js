// An open order page follows its order: a status change made elsewhere (another admin, the
// payment flow, the reservation reaper) updates the status shown, adds the status-history row
// and retires the stale buttons.
import { adminEcho, markConnected, replaceStatusPill } from '../live/echo';
import { escapeHtml } from '../live/toasts';

/**
 * The history row of a change ({id, at, from, to, by, reason} as the server formats them): a copy
 * of the page's blank server-rendered row (<template id="history-row-template">), filled with text
 * only, so it has the markup a reload would show and no HTML comes from the event.
 */
function historyRow(row) {
  const blank = document.getElementById('history-row-template')?.content.querySelector('[data-testid="history-row"]');
  if (!blank) return null;
  const li = blank.cloneNode(true);
  li.dataset.historyId = String(row.id);
  li.querySelector('[data-part="at"]').textContent = row.at;
  const to = li.querySelector('strong');
  to.textContent = row.to;
  let from = to.previousSibling; // the text "paid → " before <strong>
  if (from?.nodeType !== Node.TEXT_NODE) to.before((from = document.createTextNode('')));
  from.nodeValue = ` ${row.from} → `;
  li.querySelector('[data-part="by"]').textContent = `by ${row.by}`;
  const reason = li.querySelector('[data-part="reason"]');
  if (row.reason == null) reason?.remove();
  else if (reason) reason.textContent = `(${row.reason})`;
  return li;
}

const page = document.querySelector('[data-testid="order-page"]');
if (page) {
  adminEcho()
    .private(`admin.orders.${page.dataset.orderId}`)
    .listen('.order.status_changed', (change) => {
      const history = page.querySelector('[data-testid="status-history"]');
      // a change this page was rendered after (its own move, then the redirect) is shown already
      if (change.history && history?.querySelector(`[data-history-id="${CSS.escape(String(change.history.id))}"]`)) return;
      const pill = page.querySelector('[data-testid="order-status"]');
      if (pill) replaceStatusPill(pill, change.status);
      const note = page.querySelector('[data-testid="live-status"]');
      if (note) {
        note.innerHTML = `Moved from ${escapeHtml(change.previousStatus ?? '?')} to <strong>${escapeHtml(change.status)}</strong> just now.
          <a href="${window.location.pathname}" class="underline">Reload</a> to see the moves allowed from here.`;
        note.classList.remove('hidden');
      }
      page.querySelector('[data-testid="status-form"]')?.remove();
      const row = change.history && historyRow(change.history);
      if (row && history) history.append(row);
    });
  markConnected(page, 'live');
}
