import type { Product } from './api';

/**
 * The cart lives in localStorage (it survives a reload; it holds no secret). Prices here are only
 * for display: the gateway prices every order from the catalog.
 */
export interface CartLine { productId: number; slug: string; name: string; price: number; currency: string; image: string | null; quantity: number }

const KEY = 'storefront.cart.v1';
export const MAX_QUANTITY = 100;
type Listener = (lines: CartLine[]) => void;
const listeners = new Set<Listener>();

export function cartLines(): CartLine[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((l) => Number.isInteger(l?.productId) && l.quantity > 0) : [];
  } catch {
    return [];
  }
}

function save(lines: CartLine[]): void {
  localStorage.setItem(KEY, JSON.stringify(lines));
  for (const fn of listeners) fn(lines);
}

/** Subscribe to cart changes; returns the unsubscribe function. */
export const onCart = (fn: Listener): (() => void) => { listeners.add(fn); return () => { listeners.delete(fn); }; };
export const cartCount = (): number => cartLines().reduce((n, l) => n + l.quantity, 0);

export function addToCart(p: Product, quantity: number): void {
  const lines = cartLines();
  const line = lines.find((l) => l.productId === p.id);
  if (line) line.quantity = Math.min(MAX_QUANTITY, line.quantity + quantity);
  else lines.push({ productId: p.id, slug: p.slug, name: p.name, price: p.price, currency: p.currency, image: p.images[0] ?? null, quantity });
  save(lines);
}

export function setQuantity(productId: number, quantity: number): void {
  save(cartLines().map((l) => (l.productId === productId ? { ...l, quantity: Math.min(MAX_QUANTITY, quantity) } : l)).filter((l) => l.quantity > 0));
}

export const clearCart = (): void => save([]);

/** Totals per currency (the gateway refuses a mixed-currency order; the cart says so before). */
export function cartTotals(lines: CartLine[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const l of lines) totals.set(l.currency, Math.round(((totals.get(l.currency) ?? 0) + l.price * l.quantity) * 100) / 100);
  return totals;
}

// another tab changed the cart
window.addEventListener('storage', (e) => { if (e.key === KEY) for (const fn of listeners) fn(cartLines()); });
