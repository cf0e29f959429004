/** Spanish texts of the notification preferences page. */
export const preferenceTexts = {
  title: 'Tus avisos',
  intro: 'Elige qué avisos recibes dentro de la plataforma y cuáles por correo. Los cambios se guardan al momento.',
  caption: 'Tipo de aviso y por dónde llega',
  kind: 'Aviso',
  signIn: 'Inicia sesión para elegir tus avisos',
  followsLink: 'Ver lo que sigo',
  saved: (label: string, channel: string, enabled: boolean) =>
    `Guardado: «${label}» ${enabled ? 'llegará' : 'ya no llegará'} ${channel.toLowerCase()}.`,
};
