// The schedule of a challenge checked as the official types, mirroring the server's rules (RULES §3,
// src/modules/challenges/challenge-rules.ts) with the same Spanish messages and the same paths
// (`rounds.1.opensAt`), so a client check and a server refusal land at the same field.
import { mexicoCityToIso } from './zoned-time';

export type RoundKind = 'SUBMISSION' | 'VOTING' | 'EVALUATION';

export interface RoundDraft {
  kind: RoundKind;
  title: string;
  /** Datetime-input value, wall clock in Mexico City ("2027-03-02T09:00"); empty while unset. */
  opensAt: string;
  closesAt: string;
  /** Digits as typed; empty: every proposal goes on. */
  advanceCount: string;
}

/** Field path → Spanish message (the first problem of each field). */
export type Problems = Record<string, string>;

export interface ScheduleOptions {
  /** Winners of the challenge (advanceCount may not be lower). */
  winnerCount: number;
  /**
   * false while typing: only contradictions between values already entered are reported (no "missing"
   * messages for fields the person has not reached yet); true before moving on or saving.
   */
  complete: boolean;
}

export const TITLE_MIN = 5;
export const TITLE_MAX = 150;

function add(problems: Problems, path: string, message: string): void {
  problems[path] ??= message;
}

function parseCount(value: string): number | null {
  return value.trim() === '' ? null : Number(value.trim());
}

export function scheduleProblems(rounds: readonly RoundDraft[], { winnerCount, complete }: ScheduleOptions): Problems {
  const problems: Problems = {};
  if (complete && rounds.length < 2) {
    add(problems, 'rounds', `Un reto necesita al menos 2 rondas; se definieron ${rounds.length}.`);
  }
  let previousCount: number | null = null;
  rounds.forEach((round, index) => {
    const number = index + 1;
    const path = `rounds.${index}`;
    const title = round.title.trim();
    if (complete && title === '') add(problems, `${path}.title`, `La ronda ${number} necesita un título.`);
    else if (title !== '' && (title.length < TITLE_MIN || title.length > TITLE_MAX) && complete) {
      add(
        problems,
        `${path}.title`,
        `El título de la ronda ${number} debe tener de ${TITLE_MIN} a ${TITLE_MAX} caracteres.`,
      );
    }
    if (index === 0 && round.kind !== 'SUBMISSION') {
      add(problems, `${path}.kind`, 'La primera ronda debe ser de recepción de propuestas.');
    }
    if (index > 0 && round.kind === 'SUBMISSION') {
      add(
        problems,
        `${path}.kind`,
        `La ronda ${number} no puede ser de recepción de propuestas: solo la primera lo es.`,
      );
    }

    const opens = mexicoCityToIso(round.opensAt);
    const closes = mexicoCityToIso(round.closesAt);
    if (!opens && (complete || round.opensAt !== '')) {
      add(problems, `${path}.opensAt`, `Indica la fecha y hora de apertura de la ronda ${number}.`);
    }
    if (!closes && (complete || round.closesAt !== '')) {
      add(problems, `${path}.closesAt`, `Indica la fecha y hora de cierre de la ronda ${number}.`);
    }
    if (opens && closes && closes <= opens) {
      add(problems, `${path}.closesAt`, `La ronda ${number} debe cerrar después de abrir.`);
    }
    const previousCloses = index > 0 ? mexicoCityToIso(rounds[index - 1].closesAt) : null;
    if (opens && previousCloses && opens < previousCloses) {
      add(problems, `${path}.opensAt`, `La ronda ${number} no puede abrir antes de que cierre la ronda ${number - 1}.`);
    }

    const count = parseCount(round.advanceCount);
    if (count === null) return;
    const countPath = `${path}.advanceCount`;
    if (index === rounds.length - 1) {
      add(problems, countPath, 'La última ronda no lleva número de propuestas que avanzan: define ganadores.');
    } else if (round.kind === 'SUBMISSION') {
      add(problems, countPath, 'La ronda de recepción de propuestas no lleva número de propuestas que avanzan.');
    } else if (!Number.isInteger(count) || count < 1) {
      add(problems, countPath, `En la ronda ${number}, las propuestas que avanzan deben ser un entero de 1 o más.`);
    } else {
      if (Number.isInteger(winnerCount) && winnerCount >= 1 && count < winnerCount) {
        add(
          problems,
          countPath,
          `En la ronda ${number} avanzan ${count} propuestas, menos que los ${winnerCount} ganadores del reto.`,
        );
      }
      if (previousCount !== null && count > previousCount) {
        add(
          problems,
          countPath,
          `En la ronda ${number} no pueden avanzar más propuestas (${count}) que en una ronda anterior (${previousCount}).`,
        );
      }
      previousCount = count;
    }
  });
  return problems;
}

/** The API's rounds, in order, with instants in UTC; call only on a schedule without problems. */
export function roundsInput(rounds: readonly RoundDraft[]) {
  return rounds.map((round) => ({
    kind: round.kind,
    title: round.title.trim(),
    opensAt: mexicoCityToIso(round.opensAt) ?? '',
    closesAt: mexicoCityToIso(round.closesAt) ?? '',
    advanceCount: parseCount(round.advanceCount),
  }));
}

/** Moves the round at `from` one place up (-1) or down (+1); the list itself is not changed. */
export function moveRound<T>(rounds: readonly T[], from: number, step: -1 | 1): T[] {
  const to = from + step;
  if (to < 0 || to >= rounds.length) return [...rounds];
  const next = [...rounds];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}
