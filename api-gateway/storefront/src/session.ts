import { api, refreshSession, User } from './api';

/**
 * Who is signed in: the platform's one identity (the same cookie session as the admin). Never a
 * token in JS or storage: login/register ask the gateway for HttpOnly cookies (`X-Auth-Cookies: 1`).
 */
type Listener = (user: User | null) => void;
let current: User | null = null;
let loaded: Promise<User | null> | null = null;
const listeners = new Set<Listener>();

export const currentUser = (): User | null => current;
export const onSession = (fn: Listener): void => { listeners.add(fn); };

function set(user: User | null): User | null {
  current = user;
  for (const fn of listeners) fn(user);
  return user;
}

/** GET /api/auth/session never answers 401 for a guest (no console noise); an expired access cookie is refreshed once. */
async function fetchSession(): Promise<User | null> {
  const s = await api<{ user: User | null; refreshable: boolean }>('/api/auth/session', { refresh: false });
  if (s.user || !s.refreshable || !(await refreshSession())) return s.user;
  return (await api<{ user: User | null }>('/api/auth/session', { refresh: false })).user;
}

export function loadSession(force = false): Promise<User | null> {
  if (!loaded || force) loaded = fetchSession().then(set, () => set(null));
  return loaded;
}

const COOKIES = { 'X-Auth-Cookies': '1' };

export async function login(email: string, password: string): Promise<User> {
  const res = await api<{ user: User }>('/api/auth/login', { method: 'POST', body: { email, password }, headers: COOKIES, refresh: false });
  loaded = Promise.resolve(set(res.user));
  return res.user;
}

export async function register(name: string, email: string, password: string): Promise<User> {
  const res = await api<{ user: User }>('/api/auth/register', { method: 'POST', body: { name, email, password }, headers: COOKIES, refresh: false });
  loaded = Promise.resolve(set(res.user));
  return res.user;
}

/** Ends the session for both apps (the gateway revokes it and clears the cookies). */
export async function logout(): Promise<void> {
  await api('/api/auth/logout', { method: 'POST', body: {}, refresh: false }).catch(() => undefined);
  loaded = Promise.resolve(set(null));
}
