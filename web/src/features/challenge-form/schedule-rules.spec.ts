import { moveRound, roundsInput, scheduleProblems, type RoundDraft } from './schedule-rules';
import { isoToMexicoCity, mexicoCityToIso } from './zoned-time';

const submission: RoundDraft = {
  kind: 'SUBMISSION',
  title: 'Recepción de propuestas',
  opensAt: '2027-03-02T09:00',
  closesAt: '2027-03-20T18:00',
  advanceCount: '',
};
const voting: RoundDraft = {
  kind: 'VOTING',
  title: 'Votación ciudadana',
  opensAt: '2027-03-21T09:00',
  closesAt: '2027-03-31T18:00',
  advanceCount: '5',
};
const evaluation: RoundDraft = {
  kind: 'EVALUATION',
  title: 'Evaluación del jurado',
  opensAt: '2027-04-01T09:00',
  closesAt: '2027-04-15T18:00',
  advanceCount: '',
};
const complete = { winnerCount: 1, complete: true };

describe('mexicoCityToIso', () => {
  it('reads the wall clock in Mexico City (UTC−6, no daylight saving since 2022) whatever the browser zone', () => {
    expect(mexicoCityToIso('2027-03-02T09:00')).toBe('2027-03-02T15:00:00.000Z');
    expect(mexicoCityToIso('2027-07-15T23:30')).toBe('2027-07-16T05:30:00.000Z');
  });

  it('applied the old summer time for dates before 2023 (UTC−5)', () => {
    expect(mexicoCityToIso('2021-07-01T12:00')).toBe('2021-07-01T17:00:00.000Z');
  });

  it('refuses empty or malformed values, and round-trips', () => {
    expect(mexicoCityToIso('')).toBeNull();
    expect(mexicoCityToIso('2 de marzo')).toBeNull();
    expect(isoToMexicoCity('2027-03-02T15:00:00.000Z')).toBe('2027-03-02T09:00');
  });
});

describe('scheduleProblems', () => {
  it('accepts submission → voting → evaluation in order', () => {
    expect(scheduleProblems([submission, voting, evaluation], complete)).toEqual({});
  });

  it('puts "opens before the previous round closes" at the round concerned', () => {
    const early = { ...voting, opensAt: '2027-03-19T09:00' };
    expect(scheduleProblems([submission, early, evaluation], complete)).toEqual({
      'rounds.1.opensAt': 'La ronda 2 no puede abrir antes de que cierre la ronda 1.',
    });
  });

  it('wants every round to close after it opens', () => {
    const backwards = { ...evaluation, closesAt: '2027-04-01T08:00' };
    expect(scheduleProblems([submission, voting, backwards], complete)).toEqual({
      'rounds.2.closesAt': 'La ronda 3 debe cerrar después de abrir.',
    });
  });

  it('starts with the only submission round and needs at least two rounds', () => {
    expect(scheduleProblems([voting, submission], complete)).toMatchObject({
      'rounds.0.kind': 'La primera ronda debe ser de recepción de propuestas.',
      'rounds.1.kind': 'La ronda 2 no puede ser de recepción de propuestas: solo la primera lo es.',
    });
    expect(scheduleProblems([submission], complete)).toEqual({
      rounds: 'Un reto necesita al menos 2 rondas; se definieron 1.',
    });
  });

  it('checks advanceCount as the server does', () => {
    expect(scheduleProblems([submission, voting, { ...evaluation, advanceCount: '2' }], complete)).toEqual({
      'rounds.2.advanceCount': 'La última ronda no lleva número de propuestas que avanzan: define ganadores.',
    });
    expect(scheduleProblems([{ ...submission, advanceCount: '3' }, voting], complete)).toMatchObject({
      'rounds.0.advanceCount': 'La ronda de recepción de propuestas no lleva número de propuestas que avanzan.',
    });
    expect(
      scheduleProblems([submission, { ...voting, advanceCount: '2' }, evaluation], { ...complete, winnerCount: 3 }),
    ).toEqual({
      'rounds.1.advanceCount': 'En la ronda 2 avanzan 2 propuestas, menos que los 3 ganadores del reto.',
    });
    expect(scheduleProblems([submission, { ...voting, advanceCount: '1.5' }, evaluation], complete)).toEqual({
      'rounds.1.advanceCount': 'En la ronda 2, las propuestas que avanzan deben ser un entero de 1 o más.',
    });
  });

  it('while typing, reports contradictions but not fields not filled yet', () => {
    const blank: RoundDraft = { kind: 'VOTING', title: '', opensAt: '', closesAt: '', advanceCount: '' };
    expect(scheduleProblems([submission, blank], { winnerCount: 1, complete: false })).toEqual({});
    expect(scheduleProblems([submission, blank], complete)).toEqual({
      'rounds.1.title': 'La ronda 2 necesita un título.',
      'rounds.1.opensAt': 'Indica la fecha y hora de apertura de la ronda 2.',
      'rounds.1.closesAt': 'Indica la fecha y hora de cierre de la ronda 2.',
    });
  });
});

describe('roundsInput and moveRound', () => {
  it('sends instants in UTC and null for "all go on"', () => {
    expect(roundsInput([submission, voting])).toEqual([
      {
        kind: 'SUBMISSION',
        title: 'Recepción de propuestas',
        opensAt: '2027-03-02T15:00:00.000Z',
        closesAt: '2027-03-21T00:00:00.000Z',
        advanceCount: null,
      },
      {
        kind: 'VOTING',
        title: 'Votación ciudadana',
        opensAt: '2027-03-21T15:00:00.000Z',
        closesAt: '2027-04-01T00:00:00.000Z',
        advanceCount: 5,
      },
    ]);
  });

  it('moves a round up or down, staying inside the list', () => {
    expect(moveRound(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRound(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
