import { allowedVotes, remainingAfter, voteControl, type VoteFacts } from './vote-rules';
import { voteTexts } from './vote-texts';

const open: VoteFacts = { method: 'MULTIPLE', roundOpen: true, signedIn: true, remaining: 2, allowed: 3 };

describe('voteControl', () => {
  it('offers a vote while votes are left and retracting what was voted', () => {
    expect(voteControl(open, false)).toEqual({ kind: 'VOTE' });
    expect(voteControl(open, true)).toEqual({ kind: 'RETRACT' });
  });

  it('blocks voting with no votes left, but still lets one take a vote back', () => {
    const spent = { ...open, remaining: 0 };
    expect(voteControl(spent, false)).toEqual({ kind: 'BLOCKED', block: 'NO_VOTES_LEFT' });
    expect(voteControl(spent, true)).toEqual({ kind: 'RETRACT' });
  });

  it('explains why nothing can be done outside an open round, without a session, or in a budget challenge', () => {
    expect(voteControl({ ...open, roundOpen: false }, true)).toEqual({ kind: 'BLOCKED', block: 'ROUND_CLOSED' });
    expect(voteControl({ ...open, signedIn: false, remaining: null }, false)).toEqual({
      kind: 'BLOCKED',
      block: 'SIGN_IN',
    });
    expect(voteControl({ ...open, method: 'BUDGET' }, false)).toEqual({ kind: 'BLOCKED', block: 'BUDGET_BALLOT' });
    expect(voteTexts.block('NO_VOTES_LEFT')).toBe(
      'Ya usaste todos tus votos; retira uno para votar por esta propuesta.',
    );
  });
});

describe('allowance and counter', () => {
  it('gives SINGLE one vote and MULTIPLE its maximum', () => {
    expect(allowedVotes('SINGLE', 5)).toBe(1);
    expect(allowedVotes('MULTIPLE', 3)).toBe(3);
  });

  it('moves the remaining votes within 0..allowed', () => {
    expect(remainingAfter(2, 'VOTE', 3)).toBe(1);
    expect(remainingAfter(0, 'VOTE', 3)).toBe(0);
    expect(remainingAfter(3, 'RETRACT', 3)).toBe(3);
    expect(remainingAfter(1, 'RETRACT', 3)).toBe(2);
  });

  it('says the votes left in Spanish', () => {
    expect(voteTexts.counter(2, 3)).toBe('Te quedan 2 de 3 votos');
    expect(voteTexts.counter(1, 1)).toBe('Tienes 1 voto en esta ronda');
    expect(voteTexts.counter(0, 1)).toBe('Ya usaste tu voto de esta ronda');
    expect(voteTexts.cast('Bancas en el parque', 1, 3)).toBe(
      'Tu voto por «Bancas en el parque» quedó registrado. Te queda 1 de 3 votos.',
    );
  });
});

describe('refusals', () => {
  it('explains each server reason with the way forward, and keeps the server text for a new reason', () => {
    expect(voteTexts.refusal('VOTE_LIMIT_REACHED', 'Ya usaste tus 3 votos…')).toBe(
      'Ya usaste todos tus votos de esta ronda; retira uno para votar por otra propuesta.',
    );
    expect(voteTexts.refusal('EMAIL_NOT_VERIFIED', 'x')).toMatch(/confirma tu correo/);
    expect(voteTexts.refusal('SOMETHING_NEW', 'Texto del servidor.')).toBe('Texto del servidor.');
    expect(voteTexts.refusal(undefined, 'Texto del servidor.')).toBe('Texto del servidor.');
  });
});
