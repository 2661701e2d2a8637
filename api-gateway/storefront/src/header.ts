import { api } from './api';
import { cartCount, onCart } from './cart';
import { $, el } from './dom';
import { navigate } from './router';
import { loadSession, logout, onSession } from './session';

/** The header on every page: account state, sign-out, cart badge and the search box with suggestions. */
export function startHeader(): void {
  const account = $('[data-testid=account]');
  const signOut = $<HTMLButtonElement>('[data-testid=sign-out]');
  const signIn = $('[data-testid=sign-in-link]');
  const orders = $('[data-testid=my-orders-link]');
  onSession((user) => {
    account.textContent = user ? `Signed in as ${user.name}` : 'Guest';
    account.dataset.state = user ? 'signed-in' : 'guest';
    account.hidden = false;
    signOut.hidden = !user;
    orders.hidden = !user;
    signIn.hidden = !!user;
  });
  signOut.addEventListener('click', async () => {
    signOut.disabled = true;
    await logout();
    signOut.disabled = false;
    if (/^\/(orders|checkout)/.test(location.pathname)) navigate('/');
  });
  void loadSession();

  const badge = $('[data-testid=cart-count]');
  const showCount = () => {
    const n = cartCount();
    badge.textContent = String(n);
    badge.parentElement!.setAttribute('aria-label', `Cart, ${n} item${n === 1 ? '' : 's'}`);
  };
  onCart(showCount);
  showCount();
  startSearchBox();
}

function startSearchBox(): void {
  const form = $<HTMLFormElement>('[data-testid=search-form]');
  const input = $<HTMLInputElement>('[data-testid=search-input]');
  const list = $('[data-testid=suggestions]');
  let timer = 0;
  let active = -1;
  const close = () => {
    list.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const go = (q: string) => {
    close();
    const p = new URLSearchParams();
    if (q) p.set('q', q);
    navigate(`/${p.size ? `?${p}` : ''}`);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) return close();
    timer = window.setTimeout(async () => {
      const body = await api<{ suggestions: Array<{ id: number; name: string; slug: string; brand: string }> }>(
        `/api/products/suggest?q=${encodeURIComponent(q)}`).catch(() => null);
      if (!body || input.value.trim() !== q) return;
      list.replaceChildren(...body.suggestions.map((s, i) => {
        const li = el('li', { role: 'option', id: `suggestion-${i}`, testid: 'suggestion', 'aria-selected': 'false' }, [s.name, el('small', { textContent: s.brand })]);
        li.addEventListener('mousedown', (e) => { e.preventDefault(); go(s.name); });
        return li;
      }));
      list.hidden = body.suggestions.length === 0;
      input.setAttribute('aria-expanded', String(!list.hidden));
    }, 120);
  });
  input.addEventListener('keydown', (e) => {
    const items = [...list.querySelectorAll('li')];
    if (list.hidden || !items.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items.forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
      input.setAttribute('aria-activedescendant', items[active].id);
      input.value = items[active].firstChild?.textContent ?? input.value;
    } else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  form.addEventListener('submit', (e) => { e.preventDefault(); go(input.value.trim()); });
}
