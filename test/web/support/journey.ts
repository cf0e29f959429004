// Steps of the whole-life browser journey (test/web/challenge-journey.e2e-spec.ts), each as the person who does it
// would do it in the app, plus the arithmetic that says who should win.
import type { Page } from 'playwright-core';
import type { TestApp } from '../../support/test-app.js';

const MINUTE = 60_000;

/** The wall clock in Mexico City, as a datetime input holds it ("2027-03-02T09:00"); seconds dropped. */
export function mexicoCityInput(ms: number): string {
  return new Date(ms).toLocaleString('sv-SE', { timeZone: 'America/Mexico_City' }).replace(' ', 'T').slice(0, 16);
}

export interface Criterion {
  name: string;
  weight: number;
  maxScore: number;
}

/**
 * The official fills the six steps of the challenge form: a submission round open from the current minute, then
 * voting and evaluation rounds of ten minutes each, MULTIPLE voting, the rubric and the public vote's weight; then
 * publishes. Returns the challenge id read from the address the form leads to.
 */
export async function createChallengeInForm(
  page: Page,
  challenge: { title: string; votesPerPerson: number; criteria: Criterion[]; publicWeight: number },
): Promise<string> {
  await page.getByRole('heading', { level: 1, name: 'Nuevo reto' }).waitFor();
  await page.getByLabel('Título').fill(challenge.title);
  await page.getByLabel('Resumen').fill('Ideas para convertir espacios vacíos en huertos y áreas verdes.');
  await page.getByLabel('Descripción completa').fill('Buscamos propuestas vecinales para sembrar en la ciudad.');
  await page.getByLabel('Tema').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Siguiente' }).click();

  await page.getByRole('heading', { level: 2, name: /Calendario de rondas/ }).waitFor();
  await page.getByRole('button', { name: 'Agregar una ronda: Evaluación del jurado' }).click();
  const start = Date.now();
  for (let n = 1; n <= 3; n++) {
    await page
      .getByLabel(`Apertura de la ronda ${n}`, { exact: true })
      .fill(mexicoCityInput(start + (n - 1) * 10 * MINUTE));
    await page.getByLabel(`Cierre de la ronda ${n}`, { exact: true }).fill(mexicoCityInput(start + n * 10 * MINUTE));
  }
  await page.getByRole('button', { name: 'Siguiente' }).click();

  await page.getByRole('heading', { level: 2, name: /Forma de votar/ }).waitFor();
  await page.getByLabel('Voto múltiple').check();
  await page.getByLabel('Votos por persona').fill(String(challenge.votesPerPerson));
  await page.getByRole('button', { name: 'Siguiente' }).click();
  await page.getByRole('heading', { level: 2, name: /Quién participa/ }).waitFor();
  await page.getByRole('button', { name: 'Siguiente' }).click();

  await page.getByRole('heading', { level: 2, name: /Evaluación y resultados/ }).waitFor();
  for (const [i, criterion] of challenge.criteria.entries()) {
    await page.getByRole('button', { name: 'Agregar un criterio' }).click();
    await page.getByLabel(`Nombre del criterio ${i + 1}`).fill(criterion.name);
    await page.getByLabel(`Peso del criterio ${i + 1} (%)`).fill(String(criterion.weight));
    await page.getByLabel(`Calificación máxima del criterio ${i + 1}`).fill(String(criterion.maxScore));
  }
  await page.getByLabel('Peso del voto público (%)').fill(String(challenge.publicWeight));
  await page.getByRole('button', { name: 'Siguiente' }).click();

  await page.getByRole('heading', { level: 2, name: /Revisar y guardar/ }).waitFor();
  await page.getByRole('button', { name: 'Publicar el reto' }).click();
  await page.getByRole('main').getByText('Estado: publicado.').waitFor();
  return /\/mi-unidad\/retos\/([^/]+)\/editar$/.exec(new URL(page.url()).pathname)![1];
}

/** A citizen writes a proposal, reviews it, sends it and lands back on the challenge page that lists it. */
export async function propose(page: Page, slug: string, proposal: { title: string; summary: string }): Promise<void> {
  await page.goto(`/retos/${slug}/proponer`);
  await page.getByRole('heading', { level: 1, name: 'Nueva propuesta' }).waitFor();
  await page.getByLabel('Título').fill(proposal.title);
  await page.getByLabel('Resumen').fill(proposal.summary);
  await page.getByLabel('Propuesta completa').fill(`${proposal.summary} Lo explicamos con detalle aquí.`);
  await page.getByRole('button', { name: 'Revisar propuesta' }).click();
  await page.getByRole('button', { name: 'Enviar propuesta' }).click();
  await page.getByRole('heading', { level: 3, name: proposal.title }).waitFor();
}

/** A citizen votes for each title on the voting page, waiting for each vote to be confirmed. */
export async function vote(page: Page, titles: string[]): Promise<void> {
  for (const title of titles) {
    await page.getByRole('button', { name: `Votar por «${title}»` }).click();
    await page.getByRole('button', { name: `Retirar voto por «${title}»` }).waitFor();
  }
}

/** A juror opens the proposal from «Mis evaluaciones», picks one score per criterion and saves. */
export async function score(page: Page, title: string, criteria: Criterion[], scores: number[]): Promise<void> {
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Mis evaluaciones' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mis evaluaciones' }).waitFor();
  await page.getByRole('link', { name: new RegExp(`^${title} `) }).click();
  await page.getByRole('heading', { level: 1, name: `Calificar «${title}»` }).waitFor();
  for (const [i, criterion] of criteria.entries()) {
    await page
      .getByRole('group', { name: new RegExp(`^${criterion.name} `) })
      .getByRole('radio', { name: String(scores[i]), exact: true })
      .check();
  }
  await page.getByRole('button', { name: 'Guardar evaluación' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Tu evaluación de «${title}» quedó guardada.` })
    .waitFor();
}

const RESCHEDULE = `mutation($roundId: ID!, $opensAt: DateTime, $closesAt: DateTime!) {
  rescheduleRound(roundId: $roundId, opensAt: $opensAt, closesAt: $closesAt) { id } }`;

/**
 * The official makes the open round end and the next one start a moment from now, through the API: the browser's
 * reschedule form takes whole minutes, and «Cerrar ronda ahora» cannot bring the next opening forward (it may not
 * open before the closed round's original closing time). The round clock (workers) then closes and opens them.
 */
export async function handOver(
  api: TestApp,
  token: string,
  open: { id: string },
  next: { id: string; closesAt: Date },
): Promise<void> {
  // Far enough ahead that the first request still finds it in the future on a busy machine.
  const at = new Date(Date.now() + 3000).toISOString();
  for (const variables of [
    { roundId: open.id, closesAt: at },
    { roundId: next.id, opensAt: at, closesAt: next.closesAt.toISOString() },
  ]) {
    const res = await api.gql(RESCHEDULE, variables, token);
    if (res.errors) throw new Error(`rescheduleRound failed: ${JSON.stringify(res.errors)}`);
  }
}

/** RULES §7: each evaluation's weighted total out of 100, the jury's mean, votes scaled to the most voted, combined. */
export function expectedRanking(
  criteria: Criterion[],
  sheets: Record<string, number[][]>,
  votes: Record<string, number>,
  publicWeight: number,
) {
  const weightSum = criteria.reduce((sum, c) => sum + c.weight, 0);
  const total = (scores: number[]) =>
    (100 * criteria.reduce((sum, c, i) => sum + (c.weight * scores[i]) / c.maxScore, 0)) / weightSum;
  const maxVotes = Math.max(...Object.values(votes));
  const w = publicWeight / 100;
  return Object.entries(sheets)
    .map(([title, jurorScores]) => {
      const juryScore = jurorScores.reduce((sum, s) => sum + total(s), 0) / jurorScores.length;
      const voteScore = (100 * (votes[title] ?? 0)) / maxVotes;
      return { title, juryScore, votes: votes[title] ?? 0, voteScore, finalScore: (1 - w) * juryScore + w * voteScore };
    })
    .sort((a, b) => b.finalScore - a.finalScore);
}
