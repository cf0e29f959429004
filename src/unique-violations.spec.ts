import { DomainError } from './common/domain-error.js';
import { uniqueViolations } from './unique-violations.js';

const violation = (constraint: string, code = '23505') => ({ driverError: { code, constraint } });

/** The merged table answers by itself: no feature file has to be imported first for its mapping to exist. */
describe('uniqueViolations (every feature, merged at the composition root)', () => {
  it.each([
    ['users_email_unique', 'EMAIL_TAKEN', 'email'],
    ['users_curp_unique', 'CURP_TAKEN', 'curp'],
    ['proposal_co_authors_pkey', undefined, 'email'],
    ['votes_one_per_proposal', 'ALREADY_VOTED', undefined],
    ['jury_members_one_per_challenge', undefined, undefined],
  ])('maps %s to CONFLICT with its reason and field', (constraint, reason, field) => {
    const error = uniqueViolations.errorFor(violation(constraint));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'CONFLICT', reason });
    expect(error?.fields?.map((f) => f.path)).toEqual(field ? [field] : undefined);
    expect(error?.message).not.toBe('El registro ya existe.');
  });

  it('answers an unknown unique violation with a plain conflict, and anything else with null', () => {
    expect(uniqueViolations.errorFor(violation('somebody_elses_unique'))).toMatchObject({
      code: 'CONFLICT',
      message: 'El registro ya existe.',
    });
    expect(uniqueViolations.errorFor(violation('toString'))?.message).toBe('El registro ya existe.');
    expect(uniqueViolations.errorFor(violation('votes_one_per_proposal', '23514'))).toBeNull();
    expect(uniqueViolations.errorFor(new Error('boom'))).toBeNull();
  });
});
