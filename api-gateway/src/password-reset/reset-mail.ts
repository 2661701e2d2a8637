export type ResetContext = 'admin' | 'storefront';

/** The page that reads the token: the admin's Breeze-style reset page or the storefront's. */
export function resetLink(baseUrl: string, context: ResetContext, token: string, email: string): string {
  const path = context === 'admin' ? '/admin/reset-password/' : '/reset-password/';
  return `${baseUrl}${path}${encodeURIComponent(token)}?email=${encodeURIComponent(email)}`;
}

export function renderResetMail(link: string, ttlMinutes: number): { subject: string; text: string; html: string } {
  const text = [
    'Someone (hopefully you) asked to reset the password of this account.',
    '',
    `Choose a new password here: ${link}`,
    '',
    `The link works once and expires in ${ttlMinutes} minutes.`,
    'If you did not ask for it, ignore this mail: your password stays as it is.',
  ].join('\n');
  const href = link.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const html = `<p>Someone (hopefully you) asked to reset the password of this account.</p>
<p><a href="${href}">Choose a new password</a></p>
<p>The link works once and expires in ${ttlMinutes} minutes. If you did not ask for it, ignore this mail: your password stays as it is.</p>`;
  return { subject: 'Reset your password', text, html };
}
