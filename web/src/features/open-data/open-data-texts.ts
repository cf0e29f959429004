/** Spanish texts of the «Datos abiertos» page. */
export const openDataTexts = {
  title: 'Datos abiertos',
  lead: 'Todo lo que se publica en Retos Públicos, para descargar sin cuenta y reutilizar con la licencia CC BY 4.0 (basta citar la fuente). Los archivos no traen datos personales: ni correos, ni CURP, ni votos individuales.',
  loading: 'Cargando el catálogo…',
  platformTitle: 'Archivos de toda la plataforma',
  platformIntro:
    'Cada conjunto existe en CSV (UTF-8, con encabezados; se abre en una hoja de cálculo) y en JSON. Se generan al momento, con los datos de ese instante.',
  download: (title: string, format: string) => `${title} (${format})`,
  dictionary: (count: number) => `Diccionario de datos (${count} campos)`,
  dictionaryCaption: (title: string) => `Campos del archivo «${title}», en el orden en que aparecen`,
  field: 'Campo',
  type: 'Tipo',
  meaning: 'Qué significa',
  challengesTitle: 'Archivos de cada reto',
  challengesIntro:
    'Cada reto publicado tiene los mismos archivos, solo con sus datos. Los borradores nunca se publican, y las evaluaciones y los resultados aparecen cuando el reto concluye.',
  noChallenges: 'Todavía no hay retos publicados.',
  challengeFiles: (title: string) => `Archivos de «${title}»`,
  moreInCatalog: (total: number) =>
    `El catálogo tiene ${total.toLocaleString('es-MX')} conjuntos de datos; aquí ves los primeros. Los demás están en la siguiente página del catálogo:`,
  nextPage: 'siguiente página del catálogo (JSON-LD)',
  recomputeTitle: 'Recalcular los resultados',
  recomputeIntro:
    'Los resultados no son una caja negra: con los archivos de un reto cualquiera puede repetir la cuenta y compararla con la publicada.',
  recomputeSteps: [
    'Abre los resultados de un reto de presupuesto participativo que ya concluyó (están en la lista de abajo) y descarga «Boletas (formato pabulib)»: el archivo ballots.pb trae cada boleta con un seudónimo al azar, sin decir de quién es.',
    'Descarga el código de Retos Públicos (es software libre), instala Node.js y, en su carpeta, ejecuta npm install una vez.',
    'Ejecuta el cálculo con la regla que usó el reto (la lista dice cuál):',
    'El programa escribe los proyectos financiados, en el orden en que se financiaron, y el costo total: deben coincidir con los publicados.',
  ],
  recomputeCommand: 'npm run pb -- ballots.pb --rule equal-shares',
  recomputeOtherRule: 'Si el reto usó la regla de mayor apoyo primero, cambia equal-shares por greedy.',
  recomputeFormula:
    'En los retos con votación o jurado, la fórmula se explica paso a paso, con un ejemplo hecho a mano, en el documento docs/results.md del código; cada reto concluido la describe además con sus propios pesos en la columna results_method del archivo «Retos».',
  finishedTitle: 'Resultados publicados',
  finishedIntro: 'En la página de resultados de cada reto están sus archivos para recalcularlos.',
  noFinished: 'Todavía no hay retos concluidos.',
  resultsOf: (title: string) => `Resultados de «${title}»`,
  ballotRule: (rule: string) => `presupuesto participativo, boletas en ballots.pb, regla ${rule}`,
  portalsTitle: 'Para portales de datos',
  portalsIntro:
    'El catálogo sigue el perfil DCAT-AP 3.0.0, el que leen los portales de datos abiertos (CKAN con ckanext-dcat y otros): un portal solo necesita una de estas direcciones para cosechar todo.',
  catalogJson: 'Catálogo en JSON-LD',
  catalogTurtle: 'Catálogo en Turtle',
  apiLink: 'API GraphQL, para consultas a la medida',
};
