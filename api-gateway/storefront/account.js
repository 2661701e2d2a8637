// @ts-check
/**
 * Who is signed in, in the header: the one identity of both apps. GET /api/auth/me sends the shared
 * `access_token` cookie (set by a login in the admin or the gateway); 401 means a guest. "Sign out"
 * ends the session for both apps (the gateway denylists the token, revokes the refresh family and
 * clears the cookies).
 */
const account = /** @type {HTMLElement} */ (document.querySelector('[data-testid=account]'));
const signOut = /** @type {HTMLButtonElement} */ (document.querySelector('[data-testid=sign-out]'));

async function showAccount() {
  const res = await fetch('/api/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } }).catch(() => null);
  const user = res && res.ok ? await res.json() : null;
  account.textContent = user ? `Signed in as ${user.name}` : 'Guest';
  account.dataset.state = user ? 'signed-in' : 'guest';
  account.hidden = false;
  signOut.hidden = !user;
}

signOut.addEventListener('click', async () => {
  signOut.disabled = true;
  await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: '{}' }).catch(() => null);
  signOut.disabled = false;
  await showAccount();
});

void showAccount();
