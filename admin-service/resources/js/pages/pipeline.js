// Pipeline page: polls admin.pipeline.status every 2 s and restarts the connector (CSRF-protected POST).
const POLL_MS = 2000;
const GREEN = 'bg-green-100 text-green-800 dark:bg-green-900/50 dark:text-green-200';
const RED = 'bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200';
const fmt = (x, digits = 0) => Number(x ?? 0).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// app.js has started Alpine before this module runs: the page's root carries x-ignore, so Alpine
// skipped it; it is initialised here once the component is registered.
const Alpine = window.Alpine;
Alpine.data('pipelineStatus', (statusUrl) => ({
  s: null,
  restarting: false,
  notice: '',
  noticeOk: true,
  timer: null,

  init() {
    this.s = JSON.parse(this.$refs.initial.textContent);
    this.timer = setInterval(() => this.refresh(), POLL_MS);
  },
  destroy() {
    clearInterval(this.timer);
  },

  async refresh() {
    try {
      const res = await fetch(statusUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (res.status === 401 || res.status === 419) return window.location.reload(); // signed out: show the login page
      if (!res.ok) throw new Error(`the admin answered ${res.status}`);
      this.s = (await res.json()).data;
    } catch (e) {
      this.s = { ...this.s, reachable: false, healthy: false, error: `The admin could not be reached: ${e.message}`, checkedAt: new Date().toISOString() };
    }
  },

  async restart(form) {
    this.restarting = true;
    this.notice = '';
    try {
      const res = await fetch(form.action, { method: 'POST', body: new FormData(form), headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      const body = await res.json().catch(() => ({}));
      this.noticeOk = res.ok;
      this.notice = body.message ?? `The admin answered ${res.status}`;
    } catch (e) {
      this.noticeOk = false;
      this.notice = `The admin could not be reached: ${e.message}`;
    } finally {
      this.restarting = false;
      this.refresh();
    }
  },

  tone: (ok) => (ok ? GREEN : RED),
  num: fmt,
  bytes(n) {
    const units = ['B', 'KiB', 'MiB', 'GiB'];
    let v = Number(n ?? 0);
    let i = 0;
    while (v >= 1024 && i < units.length - 1) { v /= 1024; i += 1; }
    return `${fmt(v, i ? 1 : 0)} ${units[i]}`;
  },
  seconds: (n) => (n < 90 ? `${fmt(n, 1)} s` : `${fmt(n / 60, 1)} min`),
  ago(iso) {
    const s = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
    return s < 2 ? 'just now' : `${Math.round(s)} s ago`;
  },
}));

for (const root of document.querySelectorAll('[data-alpine-page]')) {
  root.removeAttribute('x-ignore');
  delete root._x_ignore; // the flag Alpine set when it met x-ignore
  Alpine.initTree(root);
}
