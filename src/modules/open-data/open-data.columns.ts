/**
 * The open-data datasets and their columns: the one place both the CSV/JSON writers and the DCAT catalog
 * read, so the field dictionary cannot drift from the files. The repository's SQL selects exactly these
 * names; a row with a missing or extra column makes the writer fail loudly (see `pickColumns`).
 */

export type ColumnType = 'string' | 'integer' | 'number' | 'decimal' | 'boolean' | 'datetime' | 'json';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Spanish description for the field dictionary. */
  description: string;
}

export const DATASET_NAMES = ['challenges', 'proposals', 'results', 'evaluations', 'tallies', 'audit-events'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

export interface DatasetSpec {
  name: DatasetName;
  title: string;
  description: string;
  columns: ColumnSpec[];
}

const c = (name: string, type: ColumnType, description: string): ColumnSpec => ({ name, type, description });

const CHALLENGE_ID = c('challenge_id', 'string', 'Identificador (UUID) del reto.');
const PROPOSAL_ID = c('proposal_id', 'string', 'Identificador (UUID) de la propuesta.');

export const DATASETS: Record<DatasetName, DatasetSpec> = {
  challenges: {
    name: 'challenges',
    title: 'Retos',
    description:
      'Un renglón por reto publicado: dependencia, nivel de gobierno, claves INEGI, categoría, presupuesto, reglas, rondas, estado y conteos. Los borradores nunca se publican.',
    columns: [
      c('id', 'string', 'Identificador (UUID) del reto.'),
      c('slug', 'string', 'Identificador legible del reto en la URL.'),
      c('title', 'string', 'Título del reto.'),
      c('summary', 'string', 'Resumen del reto.'),
      c('category', 'string', 'Categoría temática del reto.'),
      c('tags', 'json', 'Etiquetas del reto (arreglo JSON de textos).'),
      c('unit_id', 'string', 'Identificador (UUID) de la dependencia de gobierno que convoca.'),
      c('unit_name', 'string', 'Nombre de la dependencia de gobierno que convoca.'),
      c('level', 'string', 'Nivel de gobierno: FEDERAL, STATE (estatal) o MUNICIPAL.'),
      c('state_code', 'string', 'Clave INEGI de la entidad federativa (2 dígitos); vacía en retos federales.'),
      c('state_name', 'string', 'Nombre de la entidad federativa.'),
      c('municipality_code', 'string', 'Clave INEGI del municipio (5 dígitos); vacía salvo en retos municipales.'),
      c('municipality_name', 'string', 'Nombre del municipio.'),
      c('budget', 'decimal', 'Presupuesto total en pesos mexicanos (MXN), con dos decimales; vacío si no hay.'),
      c(
        'voting_method',
        'string',
        'Método de votación: SINGLE (un voto), MULTIPLE (varios votos) o BUDGET (presupuesto participativo).',
      ),
      c('max_votes_per_voter', 'integer', 'Máximo de votos por persona en votación múltiple.'),
      c('budget_rule', 'string', 'Regla de asignación del presupuesto: GREEDY o EQUAL_SHARES.'),
      c('voter_budget', 'decimal', 'Presupuesto que cada persona puede repartir en su boleta (MXN).'),
      c('winner_count', 'integer', 'Número de propuestas ganadoras.'),
      c('public_vote_weight', 'number', 'Peso del voto público en el puntaje final (0 a 1).'),
      c('normalize_juror_scores', 'boolean', 'Si los puntajes de cada jurado se normalizan con puntajes z.'),
      c('blind_evaluation', 'boolean', 'Si el jurado evalúa sin ver la autoría.'),
      c(
        'min_evaluations_per_proposal',
        'integer',
        'Evaluaciones mínimas para que una propuesta se clasifique antes que las demás.',
      ),
      c('jurors_per_proposal', 'integer', 'Jurados por propuesta; vacío si todos evalúan todas.'),
      c('require_curp', 'boolean', 'Si participar exige CURP verificada.'),
      c('residents_only', 'boolean', 'Si solo participan residentes del territorio del reto.'),
      c('show_live_tally', 'boolean', 'Si los conteos de votos son públicos mientras la votación está abierta.'),
      c('status', 'string', 'Estado guardado: PUBLISHED (publicado), FINISHED (concluido) o CANCELLED (cancelado).'),
      c(
        'rounds',
        'json',
        'Rondas (arreglo JSON): posición, tipo (SUBMISSION, VOTING, EVALUATION), título, apertura, cierre, estado y cuántas avanzan.',
      ),
      c('criteria', 'json', 'Criterios de evaluación (arreglo JSON): posición, nombre, peso y calificación máxima.'),
      c('submission_opens_at', 'datetime', 'Apertura de la ronda de propuestas (ISO-8601 UTC).'),
      c('final_closes_at', 'datetime', 'Cierre de la última ronda (ISO-8601 UTC).'),
      c('published_at', 'datetime', 'Fecha de publicación del reto (ISO-8601 UTC).'),
      c('finished_at', 'datetime', 'Fecha de conclusión y publicación de resultados (ISO-8601 UTC).'),
      c('cancelled_reason', 'string', 'Motivo de la cancelación, si se canceló.'),
      c('proposal_count', 'integer', 'Propuestas enviadas (sin contar borradores).'),
      c('juror_count', 'integer', 'Integrantes del jurado.'),
      c('total_voters', 'integer', 'Personas que votaron en la ronda decisiva (solo con resultados publicados).'),
      c('total_votes', 'integer', 'Votos emitidos en la ronda decisiva (solo con resultados publicados).'),
      c(
        'budget_used',
        'decimal',
        'Presupuesto asignado a las propuestas ganadoras (MXN), en presupuesto participativo.',
      ),
      c('results_method', 'string', 'Explicación en español de la regla con la que se calcularon los resultados.'),
    ],
  },
  proposals: {
    name: 'proposals',
    title: 'Propuestas',
    description:
      'Propuestas enviadas a retos publicados, solo con sus campos públicos. Las ocultas o no elegibles conservan el título y el motivo, sin contenido. Los votos aparecen cuando son públicos.',
    columns: [
      c('id', 'string', 'Identificador (UUID) de la propuesta.'),
      CHALLENGE_ID,
      c('title', 'string', 'Título de la propuesta.'),
      c('summary', 'string', 'Resumen (vacío si el contenido está oculto).'),
      c('body', 'string', 'Texto completo (vacío si el contenido está oculto).'),
      c('estimated_cost', 'decimal', 'Costo estimado en MXN, si se dio.'),
      c('latitude', 'number', 'Latitud de la ubicación, si se dio.'),
      c('longitude', 'number', 'Longitud de la ubicación, si se dio.'),
      c('links', 'json', 'Enlaces de la propuesta (arreglo JSON de URL).'),
      c(
        'status',
        'string',
        'Estado: SUBMITTED (enviada), WITHDRAWN (retirada), HIDDEN (oculta por moderación) o INELIGIBLE (no elegible).',
      ),
      c('stage', 'integer', 'Posición de la última ronda a la que llegó.'),
      c('eliminated_in_round', 'integer', 'Posición de la ronda en la que quedó fuera, si quedó fuera.'),
      c('moderation_reason', 'string', 'Motivo de la moderación (oculta o no elegible).'),
      c('content_hidden', 'boolean', 'Si el contenido se retiró de la vista pública.'),
      c('author', 'string', 'Nombre público de quien la propuso, o «Anónimo» si así lo eligió.'),
      c(
        'co_authors',
        'json',
        'Nombres públicos de coautoras y coautores (arreglo JSON; «Anónimo» si así lo eligieron).',
      ),
      c('submitted_at', 'datetime', 'Fecha de envío (ISO-8601 UTC).'),
      c(
        'votes',
        'integer',
        'Votos en la última ronda de votación a la que llegó; vacío mientras el conteo es secreto o si el reto no tiene votación.',
      ),
      c('rank', 'integer', 'Lugar en los resultados finales (solo retos concluidos).'),
      c('is_winner', 'boolean', 'Si resultó ganadora (vacío mientras no hay resultados).'),
    ],
  },
  results: {
    name: 'results',
    title: 'Resultados',
    description:
      'Cada entrada de los resultados publicados de los retos concluidos: lugar, votos, puntajes y asignación.',
    columns: [
      CHALLENGE_ID,
      PROPOSAL_ID,
      c('proposal_title', 'string', 'Título de la propuesta.'),
      c('rank', 'integer', 'Lugar en la clasificación final (1 = primero).'),
      c('votes', 'integer', 'Votos de la última ronda de votación en la que participó la propuesta.'),
      c('vote_score', 'number', 'Puntaje del voto: 100 × votos / máximo de votos entre las propuestas clasificadas.'),
      c('jury_score', 'number', 'Puntaje del jurado (promedio de totales o normalizado), de 0 a 100.'),
      c('final_score', 'number', 'Puntaje final con el que se ordenó la clasificación.'),
      c('is_winner', 'boolean', 'Si resultó ganadora.'),
      c('allocated', 'decimal', 'Monto asignado en MXN (presupuesto participativo).'),
      c('evaluation_count', 'integer', 'Evaluaciones del jurado que recibió en la ronda final.'),
      c('criterion_averages', 'json', 'Promedio por criterio (arreglo JSON: criterio, posición, promedio).'),
      c('juror_scores', 'json', 'Totales anónimos por jurado (arreglo JSON: «Jurado N», total, total normalizado).'),
      c('published_at', 'datetime', 'Fecha de publicación de los resultados (ISO-8601 UTC).'),
    ],
  },
  evaluations: {
    name: 'evaluations',
    title: 'Evaluaciones del jurado',
    description:
      'Evaluaciones del jurado de los retos concluidos, con el jurado anonimizado («Jurado N», estable en cada reto): calificación por criterio, total y total normalizado.',
    columns: [
      CHALLENGE_ID,
      c('round_id', 'string', 'Identificador (UUID) de la ronda de evaluación.'),
      c('round_position', 'integer', 'Posición de la ronda de evaluación en el reto.'),
      c('final_round', 'boolean', 'Si es la ronda final (la que decidió los resultados).'),
      PROPOSAL_ID,
      c('juror_label', 'string', 'Jurado anonimizado: «Jurado N» según el orden en que se integró al jurado.'),
      c(
        'criterion_scores',
        'json',
        'Calificación por criterio (arreglo JSON: posicion, criterio, peso, maximo, calificacion).',
      ),
      c('total', 'number', 'Total de la evaluación: 100 × Σ peso × (calificación / máximo) / Σ pesos.'),
      c(
        'normalized_total',
        'number',
        'Total normalizado (μ + σ·z) publicado en los resultados; vacío si no se normalizó o no es la ronda final.',
      ),
      c('submitted_at', 'datetime', 'Fecha de la última versión de la evaluación (ISO-8601 UTC).'),
    ],
  },
  tallies: {
    name: 'tallies',
    title: 'Conteos por ronda',
    description:
      'Conteo de votos por ronda y propuesta: definitivo al cerrar la ronda, o provisional mientras está abierta solo si el reto publica conteos en vivo.',
    columns: [
      CHALLENGE_ID,
      c('round_id', 'string', 'Identificador (UUID) de la ronda de votación.'),
      c('round_position', 'integer', 'Posición de la ronda en el reto.'),
      PROPOSAL_ID,
      c('votes', 'integer', 'Votos (o aprobaciones en presupuesto participativo) de la propuesta en la ronda.'),
      c('rank', 'integer', 'Lugar en la ronda: votos de mayor a menor, luego envío más temprano, luego identificador.'),
      c('share', 'number', 'Proporción de los votos de la ronda (0 a 1).'),
      c('advanced', 'boolean', 'Si avanzó a la siguiente ronda (vacío en conteos provisionales).'),
      c('final', 'boolean', 'Si el conteo es definitivo (ronda cerrada) o provisional (en vivo).'),
    ],
  },
  'audit-events': {
    name: 'audit-events',
    title: 'Bitácora pública',
    description:
      'Hechos de la bitácora de auditoría de los retos publicados, en orden total (solo se agregan, nunca se borran).',
    columns: [
      c('seq', 'integer', 'Número de orden global del evento.'),
      c('id', 'string', 'Identificador (UUID) del evento.'),
      CHALLENGE_ID,
      c(
        'action',
        'string',
        'Acción: challenge.published, round.opened, round.closed, proposal.hidden, results.published, etc.',
      ),
      c('summary', 'string', 'Descripción en español, con el motivo cuando lo hubo.'),
      c('created_at', 'datetime', 'Cuándo ocurrió (ISO-8601 UTC).'),
    ],
  },
};

/** The row reduced to the dataset's columns, in order; throws when the query and the dictionary disagree. */
export function pickColumns(spec: DatasetSpec, row: Record<string, unknown>): unknown[] {
  const keys = Object.keys(row);
  if (keys.length !== spec.columns.length || spec.columns.some((col) => !(col.name in row))) {
    throw new Error(`open-data ${spec.name}: columns ${keys.join(',')} do not match the dictionary`);
  }
  return spec.columns.map((col) => row[col.name]);
}
