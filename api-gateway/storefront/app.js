// @ts-check
/**
 * Storefront search page: plain ES module, no build step. State lives in the URL query (shareable,
 * back button works); every change calls GET /api/products with the same parameters.
 */
const $ = (/** @type {string} */ sel) => /** @type {HTMLElement} */ (document.querySelector(sel));
const el = (/** @type {string} */ tag, /** @type {Record<string, any>} */ props = {}, /** @type {(Node|string)[]} */ children = []) => {
  const node = Object.assign(document.createElement(tag), props);
  for (const c of children) node.append(c);
  return node;
};

const input = /** @type {HTMLInputElement} */ ($('[data-testid=search-input]'));
const list = $('[data-testid=suggestions]');
const sortSelect = /** @type {HTMLSelectElement} */ ($('[data-testid=sort]'));
const inStock = /** @type {HTMLInputElement} */ ($('[data-testid=in-stock]'));
const minPrice = /** @type {HTMLInputElement} */ ($('[data-testid=min-price]'));
const maxPrice = /** @type {HTMLInputElement} */ ($('[data-testid=max-price]'));
const PAGE_SIZE = 24;

/** @returns {URLSearchParams} */
const state = () => new URLSearchParams(location.search);

function navigate(/** @type {(p: URLSearchParams) => void} */ change, resetPage = true) {
  const p = state();
  change(p);
  if (resetPage) p.delete('page');
  for (const [k, v] of [...p]) if (v === '') p.delete(k);
  history.pushState(null, '', `${location.pathname}?${p}`);
  void search();
}

function toggle(/** @type {string} */ name, /** @type {string} */ value) {
  navigate((p) => {
    const values = p.getAll(name);
    p.delete(name);
    for (const v of values) if (v !== value) p.append(name, v);
    if (!values.includes(value)) p.append(name, value);
  });
}

let seq = 0;
async function search() {
  const mine = ++seq;
  const p = state();
  p.set('pageSize', String(PAGE_SIZE));
  input.value = p.get('q') ?? '';
  sortSelect.value = p.get('sort') ?? (p.get('q') ? 'relevance' : 'newest');
  inStock.checked = p.get('inStock') === 'true';
  minPrice.value = p.get('minPrice') ?? '';
  maxPrice.value = p.get('maxPrice') ?? '';
  const res = await fetch(`/api/products?${p}`);
  const body = await res.json();
  if (mine !== seq) return; // a newer search is on its way
  const error = $('[data-testid=error]');
  error.hidden = res.ok;
  if (!res.ok) {
    error.textContent = body.message ?? 'Search failed';
    return;
  }
  render(body, p);
}

function checkbox(/** @type {string} */ param, /** @type {{value: string, count: number}} */ v, /** @type {URLSearchParams} */ p, /** @type {string} */ testid) {
  const selected = p.getAll(param).map((x) => x.toLowerCase()).includes(v.value.toLowerCase());
  const box = el('input', { type: 'checkbox', checked: selected });
  box.dataset.testid = testid;
  box.dataset.value = v.value;
  box.addEventListener('change', () => toggle(param, v.value));
  return el('li', {}, [el('label', { className: 'check' }, [box, `${v.value} `, el('span', { className: 'count', textContent: `(${v.count})` })])]);
}

/** @param {any[]} nodes @param {URLSearchParams} p */
function tree(nodes, p) {
  return el('ul', {}, nodes.map((n) => {
    const current = p.get('category') === n.value;
    const b = el('button', { type: 'button', textContent: `${n.label} ` }, [el('span', { className: 'count', textContent: `(${n.count})` })]);
    b.dataset.testid = 'category-option';
    b.dataset.value = n.value;
    if (current) b.setAttribute('aria-current', 'true');
    b.addEventListener('click', () => navigate((q) => (current ? q.delete('category') : q.set('category', n.value))));
    return el('li', {}, [b, ...(n.children?.length && (current || p.get('category')) ? [tree(n.children, p)] : [])]);
  }));
}

/** @param {any} body @param {URLSearchParams} p */
function render(body, p) {
  $('[data-testid=total]').textContent = `${body.totalRelation === 'gte' ? 'more than ' : ''}${body.total} products`;
  didYouMean(body.didYouMean);
  const grid = $('[data-testid=results]');
  grid.replaceChildren(...body.items.map((/** @type {any} */ item) => {
    const title = el('h4');
    // highlight fragments come HTML-escaped from the server (encoder: html) with <em> marks only
    if (item.highlight?.name?.[0]) title.innerHTML = item.highlight.name[0];
    else title.textContent = item.name;
    const card = el('li', { className: 'card' }, [
      el('img', { src: item.images?.[0] ?? '', alt: '', loading: 'lazy' }),
      title,
      el('div', { className: 'brand', textContent: item.brand }),
      el('div', { className: 'price', textContent: `${item.price.toFixed(2)} ${item.currency}` }),
      el('div', { className: `stock ${item.inStock ? '' : 'out'}`, textContent: item.inStock ? 'In stock' : 'Out of stock' }),
    ]);
    card.dataset.testid = 'result';
    card.dataset.id = String(item.id);
    return card;
  }));

  $('[data-testid=facet-brand]').replaceChildren(...(body.facets.brand ?? []).slice(0, 15).map((/** @type {any} */ v) => checkbox('brand', v, p, 'brand-option')));
  $('[data-testid=facet-category]').replaceChildren(tree(body.facets.category ?? [], p));
  $('[data-testid=facet-price]').replaceChildren(...(body.facets.price ?? []).filter((/** @type {any} */ b) => b.count > 0).map((/** @type {any} */ b) => {
    const btn = el('button', { type: 'button', className: 'linkish', textContent: `${b.value} ` }, [el('span', { className: 'count', textContent: `(${b.count})` })]);
    btn.dataset.testid = 'price-option';
    btn.addEventListener('click', () => navigate((q) => {
      if (b.from !== null) q.set('minPrice', String(b.from)); else q.delete('minPrice');
      if (b.to !== null) q.set('maxPrice', String(Math.max(0, b.to - 0.01).toFixed(2))); else q.delete('maxPrice');
    }));
    return el('li', {}, [btn]);
  }));
  const attrs = Object.keys(body.facets).filter((k) => k.startsWith('attr.') && k !== 'attr.e2etag');
  $('[data-testid=facet-attributes]').replaceChildren(...attrs.slice(0, 6).map((k) =>
    el('section', {}, [el('h3', { textContent: k.slice(5).replace(/_/g, ' ') }), el('ul', { className: 'values' }, body.facets[k].slice(0, 10).map((/** @type {any} */ v) => checkbox(k, v, p, 'attr-option')))])));

  const page = Number(p.get('page') ?? '1');
  $('[data-testid=page-number]').textContent = `Page ${page} of ${Math.max(1, Math.ceil(body.total / PAGE_SIZE))}`;
  /** @type {HTMLButtonElement} */ ($('[data-testid=prev-page]')).disabled = page <= 1;
  /** @type {HTMLButtonElement} */ ($('[data-testid=next-page]')).disabled = !body.nextCursor || page * PAGE_SIZE >= 10000;
}

/** "Did you mean X?" with X a link that searches for it (the API sends it when q found almost nothing). */
function didYouMean(/** @type {string | null | undefined} */ suggestion) {
  const box = $('[data-testid=did-you-mean]');
  box.hidden = !suggestion;
  if (!suggestion) return box.replaceChildren();
  const p = new URLSearchParams({ q: suggestion });
  const link = el('a', { href: `?${p}`, textContent: suggestion });
  link.dataset.testid = 'did-you-mean-link';
  link.addEventListener('click', (e) => {
    e.preventDefault();
    navigate((q) => q.set('q', suggestion));
  });
  box.replaceChildren('Did you mean ', link, '?');
}

// --- autocomplete -------------------------------------------------------------------------
let suggestTimer = 0;
let active = -1;
function closeSuggestions() {
  list.hidden = true;
  active = -1;
}
input.addEventListener('input', () => {
  clearTimeout(suggestTimer);
  const q = input.value.trim();
  if (!q) return closeSuggestions();
  suggestTimer = window.setTimeout(async () => {
    const res = await fetch(`/api/products/suggest?q=${encodeURIComponent(q)}`);
    if (!res.ok || input.value.trim() !== q) return;
    const body = await res.json();
    list.replaceChildren(...body.suggestions.map((/** @type {any} */ s) => {
      const li = el('li', { role: 'option', textContent: s.name }, [el('small', { textContent: s.brand })]);
      li.dataset.testid = 'suggestion';
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        closeSuggestions();
        navigate((p) => p.set('q', s.name));
      });
      return li;
    }));
    list.hidden = body.suggestions.length === 0;
  }, 120);
});
input.addEventListener('keydown', (e) => {
  const items = [...list.querySelectorAll('li')];
  if (list.hidden || !items.length) return;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    active = (active + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
    items.forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    input.value = items[active].firstChild?.textContent ?? input.value;
  } else if (e.key === 'Escape') closeSuggestions();
});
input.addEventListener('blur', () => setTimeout(closeSuggestions, 100));

$('[data-testid=search-form]').addEventListener('submit', (e) => {
  e.preventDefault();
  closeSuggestions();
  navigate((p) => {
    p.set('q', input.value.trim());
    p.delete('sort');
  });
});
sortSelect.addEventListener('change', () => navigate((p) => p.set('sort', sortSelect.value)));
inStock.addEventListener('change', () => navigate((p) => (inStock.checked ? p.set('inStock', 'true') : p.delete('inStock'))));
$('[data-testid=apply-price]').addEventListener('click', () => navigate((p) => {
  p.set('minPrice', minPrice.value);
  p.set('maxPrice', maxPrice.value);
}));
$('[data-testid=prev-page]').addEventListener('click', () => navigate((p) => p.set('page', String(Math.max(1, Number(p.get('page') ?? '1') - 1))), false));
$('[data-testid=next-page]').addEventListener('click', () => navigate((p) => p.set('page', String(Number(p.get('page') ?? '1') + 1)), false));
window.addEventListener('popstate', () => void search());
void search();
