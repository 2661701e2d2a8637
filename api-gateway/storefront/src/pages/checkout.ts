import { api, ApiError, Order } from '../api';
import { cartLines, clearCart, setQuantity } from '../cart';
import { CheckoutAttempt, stockProblem } from '../checkout';
import { el, focusHeading, link } from '../dom';
import { navigate } from '../router';
import { loadSession } from '../session';
import { authForms } from './account';
import { cartView } from './cart';

/** The mock provider's test tokens (docs/orders.md): the shopper picks the outcome. */
const PAYMENT_CHOICES = [
  { token: 'tok_success', label: 'Test card — payment succeeds' },
  { token: 'tok_decline', label: 'Test card — payment is declined' },
  { token: 'tok_timeout', label: 'Test card — the provider times out' },
];

const ADDRESS_FIELDS: Array<{ name: string; label: string; autocomplete: string; required: boolean; pattern?: string }> = [
  { name: 'name', label: 'Full name', autocomplete: 'name', required: true },
  { name: 'line1', label: 'Address', autocomplete: 'address-line1', required: true },
  { name: 'line2', label: 'Apartment, suite (optional)', autocomplete: 'address-line2', required: false },
  { name: 'city', label: 'City', autocomplete: 'address-level2', required: true },
  { name: 'postalCode', label: 'Postal code', autocomplete: 'postal-code', required: true },
  { name: 'country', label: 'Country code (2 letters, e.g. DE)', autocomplete: 'country', required: true, pattern: '[A-Za-z]{2}' },
];

/** /checkout: sign in if needed, address, payment choice, place the order. */
export async function checkoutPage(main: HTMLElement): Promise<void> {
  document.title = 'Checkout — Shop';
  const user = await loadSession();
  if (!cartLines().length) {
    main.replaceChildren(el('h1', { textContent: 'Checkout' }), el('p', { textContent: 'Your cart is empty.' }), link('/', 'Continue shopping'));
    return;
  }
  if (!user) {
    main.replaceChildren(el('div', { class: 'account-page' }, [
      el('h1', { textContent: 'Checkout' }),
      el('p', { textContent: 'Sign in or create an account to place your order. Your cart is kept.' }),
      el('div', { class: 'two-col' }, authForms(() => void checkoutPage(main))),
    ]));
    focusHeading(main);
    return;
  }
  const attempt = new CheckoutAttempt();
  const outcome = el('div', { class: 'outcome', testid: 'checkout-outcome', role: 'alert', hidden: true });
  const place = el('button', { type: 'submit', class: 'primary big', testid: 'place-order', textContent: 'Place order' });
  const form = el('form', { class: 'checkout-form', testid: 'checkout-form' }, [
    el('fieldset', {}, [el('legend', { textContent: 'Shipping address' }), ...ADDRESS_FIELDS.map(addressField)]),
    el('fieldset', { testid: 'payment-choices' }, [el('legend', { textContent: 'Payment' }), ...PAYMENT_CHOICES.map((c, i) =>
      el('label', { class: 'check' }, [el('input', { type: 'radio', name: 'token', value: c.token, checked: i === 0, testid: `pay-${c.token}` }), c.label]))]),
    outcome,
    place,
  ]);
  const summary = el('div', { testid: 'checkout-summary' }, [cartView(cartLines(), false)]);
  main.replaceChildren(el('div', { class: 'checkout' }, [el('h1', { textContent: 'Checkout' }), el('div', { class: 'checkout-grid' }, [form, summary])]));
  (form.elements.namedItem('name') as HTMLInputElement).value ||= user.name;
  focusHeading(main);

  let busy = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (busy) return; // a double click while the first request runs does nothing (and would reuse the key anyway)
    const lines = cartLines();
    const v = Object.fromEntries([...new FormData(form)].map(([k, x]) => [k, String(x).trim()]));
    const body = {
      items: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      shippingAddress: { name: v.name, line1: v.line1, ...(v.line2 ? { line2: v.line2 } : {}), city: v.city, postalCode: v.postalCode, country: v.country.toUpperCase() },
      payment: { method: 'card', token: v.token },
    };
    busy = true;
    form.querySelectorAll<HTMLElement>('.field-error').forEach((x) => { x.hidden = true; });
    form.querySelectorAll('[aria-invalid]').forEach((x) => x.removeAttribute('aria-invalid'));
    place.disabled = true;
    place.textContent = 'Placing order…';
    show(outcome, 'info', 'Placing your order…');
    try {
      const order = await api<Order>('/api/orders', { method: 'POST', body, headers: { 'Idempotency-Key': attempt.keyFor(body) } });
      attempt.finish();
      clearCart();
      navigate(`/orders/${order.id}?placed=1`);
      return;
    } catch (err) {
      if (err instanceof ApiError) attempt.finish(); // the server answered: a new try is a new attempt
      explain(err, outcome, summary, form);
    } finally {
      busy = false;
      place.disabled = false;
      place.textContent = 'Place order';
    }
  });
}

function addressField(f: (typeof ADDRESS_FIELDS)[number]): HTMLElement {
  const id = `ship-${f.name}`;
  return el('div', { class: 'field' }, [
    el('label', { for: id, textContent: f.label }),
    el('input', { id, name: f.name, autocomplete: f.autocomplete, required: f.required, pattern: f.pattern, maxLength: f.name === 'country' ? 2 : 200, testid: `ship-${f.name}`, 'aria-describedby': `${id}-error` }),
    el('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
  ]);
}

function show(box: HTMLElement, kind: 'info' | 'error', ...content: Array<Node | string>): void {
  box.className = `outcome ${kind}`;
  box.dataset.kind = kind;
  box.replaceChildren(...content);
  box.hidden = false;
}

/** Declined keeps the cart; out of stock names the line and what is available; field errors go next to the field. */
function explain(err: unknown, outcome: HTMLElement, summary: HTMLElement, form: HTMLFormElement): void {
  if (!(err instanceof ApiError)) {
    show(outcome, 'error', 'We could not reach the shop. Your cart is kept; placing the order again is safe (it will not be charged twice).');
    return;
  }
  outcome.dataset.status = String(err.status);
  const lines = cartLines();
  switch (err.status) {
    case 402:
      show(outcome, 'error', 'Your payment was declined. Nothing was charged and your cart is kept: choose another payment and try again.');
      return;
    case 504:
      show(outcome, 'error', 'The payment provider did not answer in time. Nothing was charged and your cart is kept: please try again.');
      return;
    case 502:
      show(outcome, 'error', 'The payment provider had an error. Nothing was charged and your cart is kept: please try again.');
      return;
    case 409: {
      const problem = stockProblem(err.message, err.details[0]?.field, lines);
      if (!problem) break;
      const fix = problem.available > 0
        ? el('button', { type: 'button', class: 'linkish', testid: 'fix-quantity', textContent: `Change to ${problem.available}` })
        : el('button', { type: 'button', class: 'linkish', testid: 'fix-quantity', textContent: 'Remove it' });
      fix.addEventListener('click', () => {
        setQuantity(problem.line.productId, problem.available);
        summary.replaceChildren(cartView(cartLines(), false));
        outcome.hidden = true;
      });
      show(outcome, 'error', el('span', { testid: 'stock-problem' }, [
        `Not enough stock for “${problem.line.name}”: you asked for ${problem.requested}, `,
        problem.available > 0 ? `only ${problem.available} available. ` : 'none left. ',
      ]), fix);
      return;
    }
    case 401:
      show(outcome, 'error', 'Your session has ended. ', link('/account?next=/checkout', 'Sign in again'), ' — your cart is kept.');
      return;
    case 400: {
      const named = err.details.filter((d) => d.field.startsWith('shippingAddress.'));
      for (const d of named) {
        const id = `ship-${d.field.slice('shippingAddress.'.length)}`;
        const box = document.getElementById(`${id}-error`);
        if (box) { box.textContent = d.message; box.hidden = false; document.getElementById(id)?.setAttribute('aria-invalid', 'true'); }
      }
      if (named.length) {
        show(outcome, 'error', 'Please check the highlighted fields.');
        form.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
        return;
      }
      break;
    }
    case 422: {
      const index = err.details[0]?.field.match(/^items\[(\d+)\]/)?.[1];
      const line = index !== undefined ? lines[Number(index)] : undefined;
      if (line) {
        show(outcome, 'error', `“${line.name}” is no longer sold. Remove it from your cart to continue.`);
        return;
      }
      break;
    }
  }
  show(outcome, 'error', err.message);
}
