import { api, ApiError, CategoryFacet, FacetValue, Product, SearchPage } from '../api';
import { $, el, link } from '../dom';
import { pickAttributeFacets, orderFacetValues } from '../facets';
import { humanize, money, priceRange } from '../format';
import { navigate } from '../router';

/**
 * The search page at `/`. Its whole state is the URL query (shareable; back/forward replay it):
 * every change pushes a new URL and runs GET /api/products with the same parameters.
 */
const PAGE_SIZE = 24;
let seq = 0;

const params = () => new URLSearchParams(location.search);

function change(fn: (p: URLSearchParams) => void, resetPage = true): void {
  const p = params();
  fn(p);
  if (resetPage) p.delete('page');
  for (const [k, v] of [...p]) if (v === '') p.delete(k);
  navigate(`/${p.size ? `?${p}` : ''}`);
}

function toggle(name: string, value: string): void {
  change((p) => {
    const values = p.getAll(name);
    const on = values.some((v) => v.toLowerCase() === value.toLowerCase());
    p.delete(name);
    for (const v of values) if (v.toLowerCase() !== value.toLowerCase()) p.append(name, v);
    if (!on) p.append(name, value);
  });
}

export async function searchPage(main: HTMLElement): Promise<void> {
  let layout = main.querySelector<HTMLElement>('[data-testid=search-page]');
  if (!layout) {
    layout = skeleton();
    main.replaceChildren(layout);
  }
  const mine = ++seq;
  const p = params();
  const q = p.get('q') ?? '';
  $<HTMLInputElement>('[data-testid=search-input]').value = q;
  document.title = q ? `“${q}” — Shop` : 'Shop';
  const query = new URLSearchParams(p);
  query.set('pageSize', String(PAGE_SIZE));
  layout.setAttribute('aria-busy', 'true');
  try {
    const body = await api<SearchPage>(`/api/products?${query}`);
    if (mine !== seq) return; // a newer search is on its way
    renderResults(layout, body, p);
  } catch (err) {
    if (mine !== seq) return;
    const error = $('[data-testid=error]', layout);
    error.hidden = false;
    error.textContent = err instanceof ApiError ? err.message : 'Search is unavailable right now. Please try again.';
  } finally {
    if (mine === seq) layout.removeAttribute('aria-busy');
  }
}

function skeleton(): HTMLElement {
  const sort = el('select', { id: 'sort', name: 'sort', testid: 'sort' }, [
    el('option', { value: 'relevance', textContent: 'Relevance' }),
    el('option', { value: 'newest', textContent: 'Newest' }),
    el('option', { value: 'price_asc', textContent: 'Price: low to high' }),
    el('option', { value: 'price_desc', textContent: 'Price: high to low' }),
  ]);
  sort.addEventListener('change', () => change((p) => p.set('sort', sort.value)));
  const filtersToggle = el('button', { type: 'button', class: 'filters-toggle', 'aria-expanded': 'false', 'aria-controls': 'facets', textContent: 'Filters' });
  filtersToggle.addEventListener('click', () => {
    const open = filtersToggle.getAttribute('aria-expanded') !== 'true';
    filtersToggle.setAttribute('aria-expanded', String(open));
    document.getElementById('facets')!.classList.toggle('open', open);
  });
  const prev = el('button', { type: 'button', testid: 'prev-page', textContent: '‹ Previous' });
  const next = el('button', { type: 'button', testid: 'next-page', textContent: 'Next ›' });
  prev.addEventListener('click', () => change((p) => p.set('page', String(Math.max(1, Number(p.get('page') ?? '1') - 1))), false));
  next.addEventListener('click', () => change((p) => p.set('page', String(Number(p.get('page') ?? '1') + 1)), false));
  return el('div', { class: 'layout', testid: 'search-page' }, [
    el('aside', { class: 'facets', id: 'facets', testid: 'facets', 'aria-label': 'Filters' }),
    el('section', { class: 'results', 'aria-labelledby': 'results-heading' }, [
      el('div', { class: 'toolbar' }, [
        el('h1', { id: 'results-heading', class: 'results-heading' }, [el('span', { testid: 'total', 'aria-live': 'polite' })]),
        filtersToggle,
        el('span', { class: 'sort' }, [el('label', { for: 'sort', textContent: 'Sort' }), sort]),
      ]),
      el('div', { class: 'empty', testid: 'empty', hidden: true }),
      el('p', { class: 'error', testid: 'error', role: 'alert', hidden: true }),
      el('ol', { class: 'grid', testid: 'results' }),
      el('nav', { class: 'pager', testid: 'pager', 'aria-label': 'Pages' }, [prev, el('span', { testid: 'page-number' }), next]),
    ]),
  ]);
}

function renderResults(layout: HTMLElement, body: SearchPage, p: URLSearchParams): void {
  const q = p.get('q') ?? '';
  $('[data-testid=error]', layout).hidden = true;
  $<HTMLSelectElement>('[data-testid=sort]', layout).value = p.get('sort') ?? (q ? 'relevance' : 'newest');
  $('[data-testid=total]', layout).textContent = `${body.totalRelation === 'gte' ? 'more than ' : ''}${body.total} products`;
  $('[data-testid=results]', layout).replaceChildren(...body.items.map((item, i) => card(item, i < 4)));
  renderEmpty($('[data-testid=empty]', layout), body, p);

  const focused = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
  const currency = body.items[0]?.currency ?? 'USD';
  $('[data-testid=facets]', layout).replaceChildren(...facetSections(body, p, currency));
  if (focused) document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();

  const page = Number(p.get('page') ?? '1');
  const pages = Math.max(1, Math.ceil(body.total / PAGE_SIZE));
  $('[data-testid=page-number]', layout).textContent = `Page ${page} of ${pages}`;
  $<HTMLButtonElement>('[data-testid=prev-page]', layout).disabled = page <= 1;
  $<HTMLButtonElement>('[data-testid=next-page]', layout).disabled = !body.nextCursor || page * PAGE_SIZE >= 10000;
  $('[data-testid=pager]', layout).hidden = body.total === 0;
}

function card(item: Product, eager: boolean): HTMLElement {
  const title = el('h2', { class: 'name' });
  const a = link(`/p/${encodeURIComponent(item.slug)}`, '', { class: 'card-link', testid: 'result-link' });
  // highlight fragments come HTML-escaped from the server (encoder: html) with <em> marks only
  if (item.highlight?.name?.[0]) a.innerHTML = item.highlight.name[0];
  else a.textContent = item.name;
  title.append(a);
  const img = item.images[0]
    ? el('img', { src: item.images[0], alt: '', width: 320, height: 240, loading: eager ? 'eager' : 'lazy', decoding: 'async' })
    : el('div', { class: 'no-image', 'aria-hidden': 'true' });
  return el('li', { class: 'card', testid: 'result', 'data-id': item.id }, [
    img,
    title,
    el('div', { class: 'brand', textContent: item.brand }),
    el('div', { class: 'price', 'data-price': item.price, textContent: money(item.price, item.currency) }),
    el('div', { class: `stock ${item.inStock ? '' : 'out'}`, textContent: item.inStock ? 'In stock' : 'Out of stock' }),
  ]);
}

/** No results: say so, offer the API's "did you mean", and a way back (drop filters / all products). */
function renderEmpty(box: HTMLElement, body: SearchPage, p: URLSearchParams): void {
  const q = p.get('q') ?? '';
  const filtered = [...p.keys()].some((k) => !['q', 'sort', 'page'].includes(k));
  box.hidden = body.total > 0;
  const suggestion = body.didYouMean;
  const dym = suggestion
    ? el('p', { class: 'did-you-mean', testid: 'did-you-mean' }, ['Did you mean ', link(`/?${new URLSearchParams({ q: suggestion })}`, suggestion, { testid: 'did-you-mean-link' }), '?'])
    : null;
  // a typo that still found 1-2 products also gets the hint, above the results
  const hint = document.querySelector('[data-testid=search-page] > .results > [data-testid=did-you-mean]');
  hint?.remove();
  if (body.total > 0) {
    if (dym) box.before(dym);
    return box.replaceChildren();
  }
  box.replaceChildren(
    el('h2', { textContent: q ? `No products match “${q}”` : 'No products match these filters' }),
    ...(dym ? [dym] : []),
    el('p', {}, [
      filtered ? link(`/?${new URLSearchParams(q ? { q } : {})}`, 'Remove the filters', { testid: 'clear-filters' }) : null,
      filtered ? ' · ' : null,
      link('/', 'Browse all products', { testid: 'back-to-all' }),
    ]),
  );
}

function checkbox(param: string, v: FacetValue, p: URLSearchParams, testid: string, label = v.value): HTMLElement {
  const selected = p.getAll(param).some((x) => x.toLowerCase() === v.value.toLowerCase());
  const id = `f-${param}-${v.value}`.replace(/[^\w-]/g, '_');
  const box = el('input', { type: 'checkbox', id, checked: selected, testid, 'data-value': v.value, 'data-focus-key': id });
  box.addEventListener('change', () => toggle(param, v.value));
  return el('li', {}, [el('label', { class: 'check', for: id }, [box, `${label} `, el('span', { class: 'count', textContent: `(${v.count})` })])]);
}

function section(title: string, children: Node[], testid?: string): HTMLElement {
  const id = `h-${title.replace(/\W/g, '_')}`;
  return el('section', { 'aria-labelledby': id, testid }, [el('h2', { id, class: 'facet-title', textContent: title }), ...children]);
}

function facetSections(body: SearchPage, p: URLSearchParams, currency: string): HTMLElement[] {
  const out: HTMLElement[] = [];
  const f = body.facets;
  out.push(section('Category', [categoryTree(f.category ?? [], p)], 'facet-category'));
  if (f.brand?.length) out.push(section('Brand', [el('ul', { class: 'values' }, orderFacetValues(f.brand).slice(0, 15).map((v) => checkbox('brand', v, p, 'brand-option')))], 'facet-brand'));
  out.push(section('Price', [priceFilter(f.price ?? [], p, currency)], 'facet-price'));
  const inStock = el('input', { type: 'checkbox', id: 'in-stock', testid: 'in-stock', checked: p.get('inStock') === 'true', 'data-focus-key': 'in-stock' });
  inStock.addEventListener('change', () => change((q) => (inStock.checked ? q.set('inStock', 'true') : q.delete('inStock'))));
  out.push(section('Availability', [el('label', { class: 'check', for: 'in-stock' }, [inStock, 'In stock only'])]));
  const selected = new Set([...p.keys()].filter((k) => k.startsWith('attr.')).map((k) => k.slice(5)));
  // beyond 10 000 `total` is only a lower bound; the root categories' counts add up to the exact number
  const matching = body.totalRelation === 'eq' ? body.total : (f.category ?? []).reduce((n, c) => n + c.count, 0);
  const attrs = pickAttributeFacets(f, Math.max(body.total, matching), selected);
  const attrBox = el('div', { testid: 'facet-attributes' }, attrs.map((a) =>
    section(humanize(a.name), [el('ul', { class: 'values', 'data-attribute': a.name }, a.values.slice(0, 12).map((v) => checkbox(`attr.${a.name}`, v, p, 'attr-option')))])));
  out.push(attrBox);
  return out;
}

function categoryTree(nodes: CategoryFacet[], p: URLSearchParams): HTMLElement {
  const current = p.get('category');
  return el('ul', { class: 'tree' }, nodes.map((n) => {
    const isCurrent = current === n.value;
    const b = el('button', { type: 'button', testid: 'category-option', 'data-value': n.value, 'data-focus-key': `cat-${n.value}`, 'aria-pressed': String(isCurrent) },
      [`${n.label} `, el('span', { class: 'count', textContent: `(${n.count})` })]);
    b.addEventListener('click', () => change((q) => (isCurrent ? q.delete('category') : q.set('category', n.value))));
    return el('li', {}, [b, n.children?.length && current ? categoryTree(n.children, p) : null]);
  }));
}

function priceFilter(buckets: FacetValue[], p: URLSearchParams, currency: string): HTMLElement {
  const min = el('input', { type: 'number', id: 'min-price', min: '0', step: '0.01', inputMode: 'decimal', testid: 'min-price', value: p.get('minPrice') ?? '', placeholder: 'min' });
  const max = el('input', { type: 'number', id: 'max-price', min: '0', step: '0.01', inputMode: 'decimal', testid: 'max-price', value: p.get('maxPrice') ?? '', placeholder: 'max' });
  const form = el('form', { class: 'price-range' }, [
    el('label', { class: 'visually-hidden', for: 'min-price', textContent: 'Minimum price' }), min,
    el('span', { 'aria-hidden': 'true', textContent: '–' }),
    el('label', { class: 'visually-hidden', for: 'max-price', textContent: 'Maximum price' }), max,
    el('button', { type: 'submit', testid: 'apply-price', textContent: 'Go' }),
  ]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    change((q) => { q.set('minPrice', min.value); q.set('maxPrice', max.value); });
  });
  const list = el('ul', { class: 'values' }, buckets.filter((b) => b.count > 0).map((b) => {
    const btn = el('button', { type: 'button', class: 'linkish', testid: 'price-option', 'data-focus-key': `price-${b.value}` },
      [`${priceRange(b.from, b.to, currency)} `, el('span', { class: 'count', textContent: `(${b.count})` })]);
    btn.addEventListener('click', () => change((q) => {
      if (b.from != null) q.set('minPrice', String(b.from)); else q.delete('minPrice');
      if (b.to != null) q.set('maxPrice', Math.max(0, b.to - 0.01).toFixed(2)); else q.delete('maxPrice');
    }));
    return el('li', {}, [btn]);
  }));
  return el('div', {}, [form, list]);
}
