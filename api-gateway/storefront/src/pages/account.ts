import { ApiError } from '../api';
import { el, focusHeading } from '../dom';
import { navigate } from '../router';
import { currentUser, login, register } from '../session';

/** /account?next=/checkout: sign in or create an account (the platform's one identity, cookie session). */
export function accountPage(main: HTMLElement): void {
  document.title = 'Sign in — Shop';
  const next = safeNext(new URLSearchParams(location.search).get('next'));
  if (currentUser()) {
    main.replaceChildren(el('h1', { textContent: `Signed in as ${currentUser()!.name}` }));
    return;
  }
  main.replaceChildren(el('div', { class: 'account-page' }, [
    el('h1', { textContent: 'Sign in or create an account' }),
    el('div', { class: 'two-col' }, authForms(() => navigate(next, true))),
  ]));
  focusHeading(main);
}

/** Only a path on this site (no //host, no scheme): an open redirect would be a phishing tool. */
const safeNext = (next: string | null): string => (next && /^\/(?!\/)[\w\-/?=&%.]*$/.test(next) ? next : '/orders');

/** The two forms, also shown inline by checkout for a guest. */
export function authForms(done: () => void): HTMLElement[] {
  return [
    form('login', 'Sign in', [field('email', 'Email', 'email', 'email'), field('password', 'Password', 'password', 'current-password')],
      (v) => login(v.email, v.password), done),
    form('register', 'Create an account', [
      field('name', 'Name', 'text', 'name'), field('email', 'Email', 'email', 'email'),
      field('password', 'Password (12+ characters, a letter and a digit)', 'password', 'new-password', 12),
    ], (v) => register(v.name, v.email, v.password), done),
  ];
}

function field(name: string, label: string, type: string, autocomplete: string, minLength?: number): HTMLElement {
  return el('div', { class: 'field' }, [
    el('label', { 'data-for-field': name, textContent: label }),
    el('input', { name, type, autocomplete, required: true, minLength }),
    el('p', { class: 'field-error', 'data-error-for': name, hidden: true }),
  ]);
}

function form(kind: string, title: string, fields: HTMLElement[], submit: (v: Record<string, string>) => Promise<unknown>, done: () => void): HTMLElement {
  // ids scoped per form: both forms have an email and a password
  for (const f of fields) {
    const input = f.querySelector('input')!;
    const error = f.querySelector<HTMLElement>('.field-error')!;
    input.id = `${kind}-${input.name}`;
    error.id = `${input.id}-error`;
    f.querySelector('label')!.setAttribute('for', input.id);
    input.setAttribute('aria-describedby', error.id);
  }
  const message = el('p', { class: 'error', role: 'alert', testid: `${kind}-error`, hidden: true });
  const button = el('button', { type: 'submit', class: 'primary', testid: `${kind}-submit`, textContent: title });
  const f = el('form', { class: 'card-form', testid: `${kind}-form`, 'aria-labelledby': `${kind}-title`, noValidate: false }, [
    el('h2', { id: `${kind}-title`, textContent: title }), ...fields, message, button,
  ]);
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const values = Object.fromEntries([...new FormData(f)].map(([k, v]) => [k, String(v)]));
    button.disabled = true;
    message.hidden = true;
    f.querySelectorAll<HTMLElement>('.field-error').forEach((x) => { x.hidden = true; });
    f.querySelectorAll('input').forEach((i) => i.removeAttribute('aria-invalid'));
    try {
      await submit(values);
      done();
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : null;
      let placed = false;
      for (const d of apiErr?.details ?? []) {
        const box = f.querySelector<HTMLElement>(`[data-error-for="${d.field}"]`);
        if (!box) continue;
        box.textContent = d.message;
        box.hidden = false;
        f.querySelector(`input[name="${d.field}"]`)?.setAttribute('aria-invalid', 'true');
        placed = true;
      }
      if (!placed || apiErr?.status !== 400) {
        message.textContent = apiErr?.message ?? 'Could not reach the shop. Please try again.';
        message.hidden = false;
      }
      (f.querySelector('[aria-invalid=true]') as HTMLElement | null)?.focus();
    } finally {
      button.disabled = false;
    }
  });
  return f;
}
