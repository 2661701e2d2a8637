// Import progress: polls the batch every second until it is completed or failed.
const fmt = (n) => Number(n ?? 0).toLocaleString('en-US');
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function render(root, b) {
  root.querySelector('[data-testid=import-status]').textContent = b.status;
  root.querySelector('[data-testid=import-counts]').textContent = `${fmt(b.processedRows)} imported · ${fmt(b.failedRows)} errors · ${fmt(b.totalRows)} rows`;
  root.querySelector('[data-testid=import-rate]').textContent = `${fmt(b.rowsPerSecond)} rows/s`;
  root.querySelector('[data-testid=import-percent]').textContent = `${b.percent}%`;
  root.querySelector('[data-testid=import-bar]').setAttribute('aria-valuenow', b.percent);
  root.querySelector('[data-bar]').style.width = `${b.percent}%`;
  const tbody = document.querySelector('[data-testid=import-errors] tbody');
  tbody.innerHTML = b.errors.map((e) => `<tr><td class="px-4 py-1 tabular-nums">${esc(e.line)}</td><td class="px-4 py-1">${esc(e.column)}</td><td class="px-4 py-1">${esc(e.message)}</td></tr>`).join('');
}

async function poll(root) {
  let b = JSON.parse(root.querySelector('[data-initial]').textContent);
  while (b.status !== 'completed' && b.status !== 'failed') {
    await new Promise((r) => setTimeout(r, 1000));
    try {
      const res = await fetch(root.dataset.importProgress, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (res.status === 401) return window.location.reload();
      if (res.ok) b = (await res.json()).data;
    } catch { /* retry */ }
    render(root, b);
  }
}

document.querySelectorAll('[data-import-progress]').forEach(poll);
