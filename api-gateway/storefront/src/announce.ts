/** Polite screen-reader announcements (the page's aria-live region). */
export function announce(text: string): void {
  const region = document.querySelector<HTMLElement>('[data-testid=announcer]');
  if (!region) return;
  region.textContent = '';
  requestAnimationFrame(() => { region.textContent = text; });
}
