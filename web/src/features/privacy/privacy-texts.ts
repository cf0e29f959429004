/** Spanish texts of the privacy notice (Aviso de privacidad). */
export const privacyTexts = {
  title: 'Aviso de privacidad',
  lead: 'Qué datos guarda Retos Públicos, para qué, qué se publica y cómo ejercer tus derechos ARCO.',
  sections: [
    {
      id: 'datos',
      heading: 'Qué datos guardamos',
      paragraphs: ['Solo los que necesitamos para que participes:'],
      items: [
        'Tu correo y una huella (hash) de tu contraseña, para iniciar sesión. Nunca vemos tu contraseña.',
        'Tu nombre público, que eliges tú, o «Anónimo» si así lo prefieres.',
        'Tu entidad y municipio, si los das, para los retos que son solo para residentes.',
        'Si verificas tu CURP, solo una huella con llave para evitar cuentas duplicadas: la CURP no se guarda.',
        'Lo que haces en la plataforma: propuestas, votos, boletas, evaluaciones de jurado, lo que sigues y tus avisos.',
      ],
    },
    {
      id: 'publico',
      heading: 'Qué es público y qué no',
      paragraphs: [
        'Son públicos tu nombre público como autora o autor de propuestas enviadas, como integrante de un jurado y en las acciones de personal de gobierno que registra la bitácora.',
        'Nunca se publican tu correo, tu residencia, tu CURP ni tus votos individuales: solo los conteos. Los borradores que no enviaste no son públicos.',
      ],
    },
    {
      id: 'finalidades',
      heading: 'Para qué los usamos',
      paragraphs: [
        'Para operar tu cuenta, comprobar si puedes participar en un reto, contar votos y evaluaciones, y enviarte los avisos que elijas. No vendemos ni compartimos tus datos, y no hay publicidad ni rastreadores. La única cookie es la de tu sesión.',
      ],
    },
    {
      id: 'arco',
      heading: 'Tus derechos ARCO',
      paragraphs: [
        'Acceso: en tu cuenta, «Descargar mis datos» te envía por correo un enlace a un archivo con todo lo que guardamos sobre ti. El enlace vale 48 horas.',
        'Rectificación: en tu cuenta puedes cambiar tu nombre público, tu residencia y aparecer como «Anónimo».',
        'Cancelación: en tu cuenta, «Eliminar mi cuenta» borra tus datos personales de inmediato y para siempre. Tus votos y evaluaciones siguen contando sin tus datos, para que ningún resultado cambie; tus propuestas enviadas quedan firmadas como «Cuenta eliminada» y tus borradores se borran.',
        'Oposición: decides qué avisos recibir y por dónde, y cada correo trae un enlace para dejar de recibirlos.',
      ],
    },
    {
      id: 'conservacion',
      heading: 'Cuánto tiempo los guardamos',
      paragraphs: [
        'Mientras tu cuenta exista. El archivo de «Descargar mis datos» se borra 48 horas después de prepararse. La bitácora pública de cada reto no se borra, porque es la rendición de cuentas de la plataforma.',
      ],
    },
  ],
  accountLink: 'Ir a tu cuenta para descargar tus datos o eliminarla',
  updated: 'Este aviso describe cómo funciona hoy la plataforma; si cambia, lo publicaremos aquí.',
};
