import type { ResultKind } from './ranking';

/** The open-data files from which anyone can recompute this challenge's results (docs/results.md). */

export interface Download {
  href: string;
  label: string;
  description: string;
}

export function resultDownloads(challengeId: string, kind: ResultKind): Download[] {
  const base = `/open-data/challenges/${encodeURIComponent(challengeId)}`;
  const csv = (name: string, label: string, description: string): Download => ({
    href: `${base}/${name}.csv`,
    label,
    description,
  });
  const files = [
    csv('results', 'Resultados (CSV)', 'La clasificación publicada, con cada puntaje.'),
    csv('proposals', 'Propuestas (CSV)', 'Las propuestas del reto con su estado y fecha de envío.'),
    csv('tallies', 'Conteos por ronda (CSV)', 'Los votos de cada propuesta en cada ronda de votación.'),
  ];
  if (kind === 'JURY')
    files.push(csv('evaluations', 'Evaluaciones del jurado (CSV)', 'Cada evaluación, sin la identidad del jurado.'));
  if (kind === 'BUDGET')
    files.push({
      href: `${base}/ballots.pb`,
      label: 'Boletas (formato pabulib)',
      description:
        'Cada boleta con un seudónimo al azar, para recalcular el resultado con las herramientas de pabulib.',
    });
  return files;
}
