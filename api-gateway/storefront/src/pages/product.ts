import { api, ApiError, ProductDetail } from '../api';
import { addToCart, cartLines, MAX_QUANTITY } from '../cart';
import { el, focusHeading, link } from '../dom';
import { humanize, money } from '../format';
import { announce } from '../announce';

/** /p/<slug>: gallery, brand, breadcrumb, attributes, stock, quantity + add to cart. */
export async function productPage(main: HTMLElement, { slug }: Record<string, string>): Promise<void> {
  main.replaceChildren(el('p', { class: 'loading', textContent: 'Loading…' }));
  let p: ProductDetail;
  try {
    p = await api<ProductDetail>(`/api/products/by-slug/${encodeURIComponent(slug)}`);
  } catch (err) {
    const missing = err instanceof ApiError && (err.status === 404 || err.status === 400);
    main.replaceChildren(el('h1', { textContent: missing ? 'This product is not available' : 'Something went wrong' }),
      el('p', {}, [link('/', 'Back to the shop')]));
    return;
  }
  document.title = `${p.name} — Shop`;
  main.replaceChildren(el('article', { class: 'product', testid: 'product' }, [
    breadcrumb(p),
    gallery(p),
    el('div', { class: 'product-info' }, [
      el('h1', { testid: 'product-name', textContent: p.name }),
      el('p', { class: 'brand' }, ['by ', link(`/?${new URLSearchParams({ brand: p.brand })}`, p.brand, { testid: 'product-brand' })]),
      el('p', { class: 'price big', testid: 'product-price', 'data-price': p.price, textContent: money(p.price, p.currency) }),
      stockState(p),
      buyForm(p),
      p.description ? el('p', { class: 'description', textContent: p.description }) : null,
      attributes(p),
    ]),
  ]));
  focusHeading(main);
}

function breadcrumb(p: ProductDetail): HTMLElement {
  const crumbs = p.breadcrumb.length ? p.breadcrumb : [{ slug: p.category.slug, name: p.category.name }];
  return el('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb', testid: 'breadcrumb' }, [el('ol', {}, [
    el('li', {}, [link('/', 'Shop')]),
    ...crumbs.map((c) => el('li', {}, [link(`/?${new URLSearchParams({ category: c.slug })}`, c.name)])),
    el('li', { 'aria-current': 'page', textContent: p.name }),
  ])]);
}

function gallery(p: ProductDetail): HTMLElement {
  const images = p.gallery.length ? p.gallery : p.images.map((url) => ({ url, thumbnail: url }));
  if (!images.length) return el('div', { class: 'gallery' }, [el('div', { class: 'no-image big', role: 'img', 'aria-label': 'No picture yet' })]);
  const main = el('img', { src: images[0].url, alt: p.name, width: 640, height: 480, testid: 'gallery-main' });
  const thumbs = images.length > 1 ? el('ul', { class: 'thumbs', 'aria-label': 'Pictures' }, images.map((img, i) => {
    const b = el('button', { type: 'button', testid: 'gallery-thumb', 'aria-label': `Picture ${i + 1} of ${images.length}`, 'aria-pressed': String(i === 0) },
      [el('img', { src: img.thumbnail, alt: '', width: 80, height: 60, loading: 'lazy' })]);
    b.addEventListener('click', () => {
      main.src = img.url;
      thumbs!.querySelectorAll('button').forEach((x) => x.setAttribute('aria-pressed', String(x === b)));
    });
    return el('li', {}, [b]);
  })) : null;
  return el('div', { class: 'gallery', testid: 'gallery' }, [main, thumbs]);
}

function stockState(p: ProductDetail): HTMLElement {
  const text = p.stock <= 0 ? 'Out of stock' : p.stock < 10 ? `Only ${p.stock} left` : 'In stock';
  return el('p', { class: `stock ${p.stock <= 0 ? 'out' : p.stock < 10 ? 'low' : ''}`, testid: 'stock', textContent: text });
}

function buyForm(p: ProductDetail): HTMLElement {
  const inCart = () => cartLines().find((l) => l.productId === p.id)?.quantity ?? 0;
  const max = Math.max(1, Math.min(MAX_QUANTITY, p.stock));
  const qty = el('input', { type: 'number', id: 'qty', name: 'quantity', min: '1', max: String(max), value: '1', inputMode: 'numeric', testid: 'quantity', required: true });
  const status = el('p', { class: 'added', testid: 'added', role: 'status' });
  const form = el('form', { class: 'buy', testid: 'buy-form' }, [
    el('label', { for: 'qty', textContent: 'Quantity' }), qty,
    el('button', { type: 'submit', class: 'primary', testid: 'add-to-cart', disabled: p.stock <= 0, textContent: 'Add to cart' }),
    status,
  ]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const n = Number(qty.value);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      qty.setCustomValidity(`Choose a quantity from 1 to ${max}`);
      qty.reportValidity();
      return;
    }
    qty.setCustomValidity('');
    addToCart(p, n);
    status.replaceChildren(`Added ${n} to your cart (${inCart()} in cart). `, link('/cart', 'View cart', { testid: 'view-cart' }));
    announce(`Added ${n} ${p.name} to your cart`);
  });
  qty.addEventListener('input', () => qty.setCustomValidity(''));
  return form;
}

function attributes(p: ProductDetail): HTMLElement | null {
  const entries = Object.entries(p.attributes ?? {});
  if (!entries.length) return null;
  return el('section', { class: 'attributes', 'aria-labelledby': 'specs' }, [
    el('h2', { id: 'specs', textContent: 'Details' }),
    el('dl', { testid: 'attributes' }, entries.flatMap(([k, v]) => [el('dt', { textContent: humanize(k) }), el('dd', { textContent: String(v) })])),
    el('p', { class: 'sku' }, [`SKU ${p.sku}`]),
  ]);
}
