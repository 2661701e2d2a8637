import { cartLines, cartTotals, CartLine, MAX_QUANTITY, onCart, setQuantity } from '../cart';
import { el, focusHeading, link } from '../dom';
import { money } from '../format';
import { onLeave } from '../router';

/** /cart: lines with quantity and remove, totals per currency, the way to checkout. */
export function cartPage(main: HTMLElement): void {
  document.title = 'Cart — Shop';
  const draw = () => {
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
    main.replaceChildren(cartView(cartLines()));
    if (focused) document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
  };
  onLeave(onCart(draw));
  draw();
  focusHeading(main);
}

export function cartView(lines: CartLine[], editable = true): HTMLElement {
  if (!lines.length) {
    return el('section', { class: 'cart', testid: 'cart' }, [
      el('h1', { textContent: 'Your cart' }),
      el('p', { testid: 'cart-empty', textContent: 'Your cart is empty.' }),
      link('/', 'Continue shopping'),
    ]);
  }
  const totals = cartTotals(lines);
  return el('section', { class: 'cart', testid: 'cart' }, [
    editable ? el('h1', { textContent: 'Your cart' }) : el('h2', { textContent: 'Your order' }),
    el('ul', { class: 'cart-lines' }, lines.map((l) => line(l, editable))),
    el('p', { class: 'cart-total', testid: 'cart-total' }, [...totals].map(([currency, total]) => el('strong', { textContent: `Total ${money(total, currency)}` }))),
    totals.size > 1 ? el('p', { class: 'error', role: 'alert', textContent: 'Your cart mixes currencies; one order takes one currency. Remove some lines to check out.' }) : null,
    editable ? el('p', { class: 'actions' }, [link('/', 'Continue shopping'), ' ',
      totals.size === 1 ? link('/checkout', 'Check out', { class: 'button primary', testid: 'checkout-link' }) : null]) : null,
  ]);
}

function line(l: CartLine, editable: boolean): HTMLElement {
  const id = `qty-${l.productId}`;
  const qty = editable ? el('input', { type: 'number', id, min: '0', max: String(MAX_QUANTITY), value: String(l.quantity), testid: 'line-quantity', 'data-focus-key': id, inputMode: 'numeric' }) : null;
  qty?.addEventListener('change', () => {
    const n = Math.floor(Number(qty.value));
    if (Number.isFinite(n) && n >= 0) setQuantity(l.productId, n);
  });
  const remove = editable ? el('button', { type: 'button', class: 'linkish', testid: 'remove-line', 'aria-label': `Remove ${l.name}`, textContent: 'Remove' }) : null;
  remove?.addEventListener('click', () => setQuantity(l.productId, 0));
  return el('li', { class: 'cart-line', testid: 'cart-line', 'data-product-id': l.productId }, [
    l.image ? el('img', { src: l.image, alt: '', width: 80, height: 60, loading: 'lazy' }) : el('div', { class: 'no-image small', 'aria-hidden': 'true' }),
    el('div', { class: 'line-name' }, [link(`/p/${encodeURIComponent(l.slug)}`, l.name), el('div', { class: 'muted', textContent: money(l.price, l.currency) })]),
    editable ? el('div', { class: 'line-qty' }, [el('label', { for: id, textContent: 'Qty' }), qty, remove])
      : el('div', { class: 'line-qty', testid: 'line-quantity-readonly', textContent: `× ${l.quantity}` }),
    el('div', { class: 'line-total', textContent: money(Math.round(l.price * l.quantity * 100) / 100, l.currency) }),
  ]);
}
