/**
 * History-API router: real URLs (/p/<slug>, /cart, /orders/<id>) that can be shared, bookmarked and
 * reloaded (nginx answers every page path with index.html); the back button works.
 */
export type Render = (main: HTMLElement, params: Record<string, string>) => void | Promise<void>;
interface Route { pattern: RegExp; keys: string[]; render: Render }
const routes: Route[] = [];
let cleanup: Array<() => void> = [];

export function route(path: string, render: Render): void {
  const keys: string[] = [];
  const pattern = new RegExp(`^${path.replace(/:(\w+)/g, (_, k) => { keys.push(k); return '([^/]+)'; })}/?$`);
  routes.push({ pattern, keys, render });
}

/** Runs when the current page is left (sockets, timers). */
export const onLeave = (fn: () => void): void => { cleanup.push(fn); };

export function navigate(url: string, replace = false): void {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  void render();
}

let lastPath = '';
export async function render(): Promise<void> {
  const main = document.getElementById('main')!;
  const path = location.pathname;
  const samePage = path === lastPath;
  lastPath = path;
  for (const fn of cleanup) fn();
  cleanup = [];
  for (const r of routes) {
    const m = path.match(r.pattern);
    if (!m) continue;
    const params = Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])]));
    if (!samePage) window.scrollTo(0, 0);
    await r.render(main, params);
    return;
  }
  main.replaceChildren();
  const h = document.createElement('h1');
  h.textContent = 'Page not found';
  const a = document.createElement('a');
  a.href = '/';
  a.dataset.link = '';
  a.textContent = 'Back to the shop';
  main.append(h, a);
}

export function startRouter(): void {
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[data-link]') as HTMLAnchorElement | null;
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || a.target) return;
    if (a.origin !== location.origin) return;
    e.preventDefault();
    navigate(a.pathname + a.search);
  });
  window.addEventListener('popstate', () => void render());
  void render();
}
