/** Spanish texts of the sign-in and registration pages (loaded with them, not with the first page). */
export const signInTexts = {
  signInTitle: 'Iniciar sesión',
  registerTitle: 'Crear cuenta',
  email: 'Correo electrónico',
  password: 'Contraseña',
  passwordHint: 'De 10 a 200 caracteres.',
  displayName: 'Nombre para mostrar',
  displayNameHint: 'Así te verán las demás personas (puedes participar como «Anónimo» después).',
  signInButton: 'Entrar',
  registerButton: 'Crear mi cuenta',
  noAccount: '¿No tienes cuenta?',
  haveAccount: '¿Ya tienes cuenta?',
  welcome: (name: string) => `Hola, ${name}.`,
  checkEmail: 'Te enviamos un correo: abre su enlace para confirmar tu dirección y poder proponer y votar.',
  forgotPassword: '¿Olvidaste tu contraseña?',
};
