import { passwordResetEmail, verificationEmail } from './account-emails.js';

const ana = { email: 'ana@example.mx', displayName: 'Ana <b>López</b>' };

describe('account e-mails', () => {
  it('verification: Spanish text and HTML with the link built from PUBLIC_URL', () => {
    const mail = verificationEmail('https://retos.example.mx', ana, 'tok_123');
    expect(mail.to).toBe('ana@example.mx');
    expect(mail.subject).toBe('Confirma tu correo en Retos Públicos');
    expect(mail.text).toContain('https://retos.example.mx/verificar-correo?token=tok_123');
    expect(mail.text).toContain('48 horas');
    expect(mail.html).toContain('href="https://retos.example.mx/verificar-correo?token=tok_123"');
    expect(mail.html).toContain('lang="es"');
  });

  it('escapes the display name in HTML but not in plain text', () => {
    const mail = verificationEmail('https://retos.example.mx', ana, 't');
    expect(mail.html).toContain('Hola, Ana &lt;b&gt;López&lt;/b&gt;:');
    expect(mail.html).not.toContain('<b>López</b>');
    expect(mail.text).toContain('Hola, Ana <b>López</b>:');
  });

  it('password reset: link to /restablecer-contrasena, valid 1 hour', () => {
    const mail = passwordResetEmail('http://localhost:3000', ana, 'abc');
    expect(mail.text).toContain('http://localhost:3000/restablecer-contrasena?token=abc');
    expect(mail.text).toContain('1 hora');
  });
});
