/** Tiny DOM helpers: every page is built from these (no framework, see README). */
type Child = Node | string | null | undefined | false;
type Props = Partial<Record<string, unknown>> & { testid?: string; class?: string };

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'testid') node.dataset.testid = String(value);
    else if (key === 'class') node.className = String(value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value as EventListener);
    else if (key.startsWith('data-') || key.startsWith('aria-') || key === 'role' || key === 'for') node.setAttribute(key, String(value));
    else (node as unknown as Record<string, unknown>)[key] = value;
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

export const $ = <T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = document): T => {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`missing element ${selector}`);
  return found;
};

/** A link handled by the client-side router (still a real href: new tab, copy link, no JS all work). */
export function link(href: string, text: string | Node, props: Props = {}): HTMLAnchorElement {
  return el('a', { ...props, href, 'data-link': '' }, [text]);
}

/** Moves focus to the page heading after a navigation, so keyboard and screen-reader users land on the new content. */
export function focusHeading(root: ParentNode): void {
  const h = root.querySelector<HTMLElement>('h1');
  if (!h) return;
  h.tabIndex = -1;
  h.focus({ preventScroll: true });
}
