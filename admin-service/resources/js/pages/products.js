// Product pages: "live in search" badge, thumbnails appearing once the job ran, more attribute rows.
const GREEN = ['bg-green-100', 'text-green-800'];
const YELLOW = ['bg-yellow-100', 'text-yellow-800'];
const RED = ['bg-red-100', 'text-red-800'];
const getJson = async (url) => {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${res.status}`);
  return res.json();
};

function paint(badge, state, text, tone) {
  badge.classList.remove(...GREEN, ...YELLOW, ...RED);
  badge.classList.add(...tone);
  badge.dataset.state = state;
  badge.textContent = text;
}

// The gateway waits up to its consistency timeout per call; ask again until the index caught up.
async function watchSearch(el) {
  const badge = el.querySelector('[data-testid="search-badge"]');
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const { live } = await getJson(el.dataset.searchStatus);
      if (live) return paint(badge, 'live', 'Live in search', GREEN);
    } catch { /* retry */ }
    await new Promise((r) => setTimeout(r, 1000));
  }
  paint(badge, 'stale', 'Not in search yet: check the pipeline page', RED);
}

// Reload once every pending image has been processed (ready or failed).
async function watchImages(list) {
  for (;;) {
    const pending = [...list.querySelectorAll('[data-testid="image"]')].some((li) => ['pending', 'processing'].includes(li.dataset.status));
    if (!pending) return;
    await new Promise((r) => setTimeout(r, 1000));
    try {
      const { data } = await getJson(list.dataset.imagesUrl);
      if (data.every((i) => i.status === 'ready' || i.status === 'failed')) return window.location.reload();
    } catch { /* retry */ }
  }
}

function addAttributeRow(button) {
  const rows = button.parentElement.querySelector('[data-attribute-rows]');
  const last = rows.querySelector('[data-attribute-row]:last-of-type');
  const copy = last.cloneNode(true);
  const index = rows.querySelectorAll('[data-attribute-row]').length;
  copy.querySelectorAll('input').forEach((input) => {
    input.name = input.name.replace(/\[\d+\]/, `[${index}]`);
    input.value = '';
  });
  rows.appendChild(copy);
}

document.querySelectorAll('[data-search-status]').forEach(watchSearch);
document.querySelectorAll('[data-images-url]').forEach(watchImages);
document.querySelectorAll('[data-add-attribute]').forEach((b) => b.addEventListener('click', () => addAttributeRow(b)));
