import { renderResetMail, resetLink } from './reset-mail';

describe('reset mail', () => {
  it('links the admin page or the storefront page, token and email encoded', () => {
    expect(resetLink('http://localhost:8080', 'admin', 'abc_-1', 'a+b@example.test')).toBe(
      'http://localhost:8080/admin/reset-password/abc_-1?email=a%2Bb%40example.test',
    );
    expect(resetLink('https://shop.example', 'storefront', 'T', 'x@y.z')).toBe('https://shop.example/reset-password/T?email=x%40y.z');
  });

  it('says how long the link lives, and escapes the link in HTML', () => {
    const mail = renderResetMail('http://h/admin/reset-password/t?email=a&b="c"', 60);
    expect(mail.subject).toBe('Reset your password');
    expect(mail.text).toContain('http://h/admin/reset-password/t?email=a&b="c"');
    expect(mail.text).toContain('expires in 60 minutes');
    expect(mail.html).toContain('href="http://h/admin/reset-password/t?email=a&amp;b=&quot;c&quot;"');
  });
});
