// Transient notifications in the corner of the page (role=status, so screen readers announce them).
let region;

export function toast(html, { testid = 'toast', timeoutMs = 15000 } = {}) {
  if (!region) {
    region = document.createElement('div');
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.className = 'fixed bottom-4 right-4 z-50 flex flex-col gap-2 w-80';
    document.body.append(region);
  }
  const item = document.createElement('div');
  item.dataset.testid = testid;
  item.className = 'rounded-lg shadow-lg bg-white dark:bg-gray-800 border-l-4 border-indigo-500 p-3 text-sm text-gray-800 dark:text-gray-100';
  item.innerHTML = html;
  region.prepend(item);
  if (timeoutMs) setTimeout(() => item.remove(), timeoutMs);
  return item;
}

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
