import {
  ADD_JUROR,
  advanceTo,
  createJuryChallenge,
  createPeople,
  juryHarness,
  SUBMIT,
} from '../support/evaluation-fixtures.js';
import { tokenFor } from '../support/voting-fixtures.js';

const PROGRESS = `query($id: ID) { challenge(id: $id) { jury { user { id } progress { assigned evaluated } } } }`;

/** JuryMember.progress: counts only, for the unit's staff; null for jurors, citizens and anonymous visitors. */
describe('jury progress for the unit', () => {
  const h = juryHarness();

  it('counts assigned and sent evaluations per juror for unit staff, and hides them from everybody else', async () => {
    const challenge = await createJuryChallenge(h.sql, h.api.config, {
      kinds: ['SUBMISSION', 'EVALUATION'],
      openPosition: 1,
      proposals: 3,
      settings: { votingMethod: 'SINGLE', winnerCount: 1, minEvaluationsPerProposal: 1 },
      criteria: [[1, 10]],
    });
    const [juror, other, editorPerson] = await createPeople(h.sql, h.api.config, 3);
    await h.sql.query(`INSERT INTO unit_memberships (unit_id, user_id, role) VALUES ($1, $2, 'EDITOR')`, [
      challenge.unitId,
      editorPerson.id,
    ]);
    for (const person of [juror, other])
      await h.ok(ADD_JUROR, { c: challenge.challengeId, email: person.email }, challenge.adminToken);

    const before = await h.ok(PROGRESS, { id: challenge.challengeId }, challenge.adminToken);
    expect(before.challenge.jury.map((j: any) => j.progress)).toEqual([
      { assigned: 0, evaluated: 0 },
      { assigned: 0, evaluated: 0 },
    ]);

    await advanceTo(h.sql, h.api, challenge, 1); // evaluation opens: every juror gets the 3 proposals
    await h.ok(
      SUBMIT,
      {
        input: { proposalId: challenge.proposalIds[0], scores: [{ criterionId: challenge.criteria[0].id, score: 7 }] },
      },
      juror.token,
    );

    const editorToken = await tokenFor(h.api.config, editorPerson.id);
    const seen = await h.ok(PROGRESS, { id: challenge.challengeId }, editorToken);
    const byUser = new Map(seen.challenge.jury.map((j: any) => [j.user.id, j.progress]));
    expect(byUser.get(juror.id)).toEqual({ assigned: 3, evaluated: 1 });
    expect(byUser.get(other.id)).toEqual({ assigned: 3, evaluated: 0 });

    for (const token of [juror.token, undefined]) {
      const hidden = await h.ok(PROGRESS, { id: challenge.challengeId }, token);
      expect(hidden.challenge.jury.map((j: any) => j.progress)).toEqual([null, null]);
    }
  });
});
