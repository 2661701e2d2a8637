/**
 * The gateway over fetch, same origin only. The session is the platform's HttpOnly cookie pair
 * (`access_token`/`refresh_token`): this code never sees a token. A 401 on a signed-in call is
 * answered once by POST /api/auth/refresh (rotates the cookies), then the call is retried.
 */
export interface FieldError { field: string; message: string }
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly details: FieldError[] = []) {
    super(message);
  }
  fieldMessage(field: string): string | undefined {
    return this.details.find((d) => d.field === field)?.message;
  }
}

interface Options {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** retry once after refreshing the cookie session (default true) */
  refresh?: boolean;
  signal?: AbortSignal;
}

let refreshing: Promise<boolean> | null = null;
/** One refresh at a time: parallel 401s share it (a second rotation would trip reuse detection). */
export function refreshSession(): Promise<boolean> {
  refreshing ??= fetch('/api/auth/refresh', {
    method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'X-Auth-Cookies': '1' }, body: '{}',
  }).then((r) => r.ok, () => false).finally(() => { refreshing = null; });
  return refreshing;
}

export async function api<T>(path: string, opts: Options = {}): Promise<T> {
  const send = () => fetch(path, {
    method: opts.method ?? 'GET',
    credentials: 'same-origin',
    signal: opts.signal,
    headers: { Accept: 'application/json', ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...opts.headers },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  let res = await send();
  if (res.status === 401 && opts.refresh !== false && (await refreshSession())) res = await send();
  if (res.status === 204) return undefined as T;
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const message = typeof body.message === 'string' ? body.message : Array.isArray(body.message) ? body.message.join('; ') : `Request failed (${res.status})`;
    throw new ApiError(res.status, message, Array.isArray(body.details) ? body.details : []);
  }
  return body as T;
}

// --- shapes of the gateway's answers that the pages use (docs/api.md, docs/orders.md) ---------
export interface Product {
  id: number; sku: string; name: string; slug: string; description: string; price: number; currency: string; brand: string;
  category: { id: number; slug: string; name: string; path: string[] };
  attributes: Record<string, string | number>; inStock: boolean; stock: number; images: string[];
  highlight?: { name?: string[] };
}
export interface ProductDetail extends Product {
  gallery: Array<{ url: string; thumbnail: string }>;
  breadcrumb: Array<{ slug: string; name: string }>;
}
export interface FacetValue { value: string; count: number; from?: number | null; to?: number | null }
export interface CategoryFacet { value: string; id: number; label: string; count: number; children: CategoryFacet[] }
export interface SearchPage {
  items: Product[]; total: number; totalRelation: 'eq' | 'gte'; page: number; pageSize: number; nextCursor: string | null;
  facets: Record<string, FacetValue[]> & { category?: CategoryFacet[] };
  didYouMean?: string | null;
}
export interface User { id: number | string; email: string; name: string; role: string }
export interface OrderLine { productId: number; sku: string; name: string; unitPrice: string; quantity: number; lineTotal: string }
export interface Order {
  id: number | string; number: string; status: string; currency: string; subtotal: string; total: string;
  items: OrderLine[]; createdAt: string; updatedAt: string;
  payment: { status: string } | null;
}
