import { ChallengeFacts, ParticipantFacts, participationRefusal } from './participation-eligibility.js';

const citizen: ParticipantFacts = {
  emailVerified: true,
  curpVerified: true,
  stateCode: '21',
  municipalityCode: '21114',
};
const open = { requireCurp: false, residentsOnly: false };
const federal: ChallengeFacts = { settings: open, level: 'FEDERAL', stateCode: null, municipalityCode: null };
const puebla: ChallengeFacts = {
  settings: { ...open, residentsOnly: true },
  level: 'STATE',
  stateCode: '21',
  municipalityCode: null,
};
const pueblaCity: ChallengeFacts = {
  settings: { ...open, residentsOnly: true },
  level: 'MUNICIPAL',
  stateCode: '21',
  municipalityCode: '21114',
};
const options = { requireEmailVerification: true, isJuror: false };
const reason = (account: ParticipantFacts, challenge: ChallengeFacts, opts = options) =>
  participationRefusal(account, challenge, opts)?.reason ?? null;

describe('participationRefusal', () => {
  it('lets a verified account take part in an open challenge', () => {
    expect(participationRefusal(citizen, federal, options)).toBeNull();
  });

  it('refuses an unverified e-mail with a Spanish message', () => {
    expect(participationRefusal({ ...citizen, emailVerified: false }, federal, options)).toEqual({
      reason: 'EMAIL_NOT_VERIFIED',
      message: expect.stringContaining('correo'),
    });
  });

  it('accepts an unverified e-mail when verification is not required', () => {
    expect(
      reason({ ...citizen, emailVerified: false }, federal, { ...options, requireEmailVerification: false }),
    ).toBeNull();
  });

  it('asks for a verified CURP only when the challenge requires it', () => {
    const noCurp = { ...citizen, curpVerified: false };
    expect(reason(noCurp, federal)).toBeNull();
    expect(reason(noCurp, { ...federal, settings: { ...open, requireCurp: true } })).toBe('CURP_REQUIRED');
  });

  describe('residentsOnly', () => {
    it('STATE: residents of the state, whatever their municipality', () => {
      expect(reason(citizen, puebla)).toBeNull();
      expect(reason({ ...citizen, municipalityCode: '21001' }, puebla)).toBeNull();
      expect(reason({ ...citizen, stateCode: '09', municipalityCode: '09003' }, puebla)).toBe('NOT_RESIDENT');
    });

    it('STATE: a municipality alone implies its state', () => {
      expect(reason({ ...citizen, stateCode: null, municipalityCode: '21114' }, puebla)).toBeNull();
    });

    it('refuses an account without a declared residence', () => {
      const nowhere = { ...citizen, stateCode: null, municipalityCode: null };
      expect(reason(nowhere, puebla)).toBe('NOT_RESIDENT');
      expect(reason(nowhere, pueblaCity)).toBe('NOT_RESIDENT');
      expect(reason(nowhere, { ...federal, settings: { ...open, residentsOnly: true } })).toBe('NOT_RESIDENT');
    });

    it('MUNICIPAL: only residents of that municipality, not of the rest of the state', () => {
      expect(reason(citizen, pueblaCity)).toBeNull();
      expect(reason({ ...citizen, municipalityCode: '21001' }, pueblaCity)).toBe('NOT_RESIDENT');
      expect(reason({ ...citizen, municipalityCode: null }, pueblaCity)).toBe('NOT_RESIDENT');
    });

    it('FEDERAL: anyone with a residence in Mexico', () => {
      expect(
        reason(
          { ...citizen, stateCode: '09', municipalityCode: null },
          { ...federal, settings: { ...open, residentsOnly: true } },
        ),
      ).toBeNull();
    });

    it('is ignored when the challenge does not ask for it', () => {
      expect(
        reason({ ...citizen, stateCode: '09', municipalityCode: '09003' }, { ...puebla, settings: open }),
      ).toBeNull();
    });
  });

  it('refuses the challenge’s jurors', () => {
    expect(reason(citizen, federal, { ...options, isJuror: true })).toBe('JUROR_CONFLICT');
  });

  it('gives the first reason in the order of RULES §4', () => {
    const nobody = { emailVerified: false, curpVerified: false, stateCode: null, municipalityCode: null };
    const strict: ChallengeFacts = { ...pueblaCity, settings: { requireCurp: true, residentsOnly: true } };
    expect(reason(nobody, strict, { requireEmailVerification: true, isJuror: true })).toBe('EMAIL_NOT_VERIFIED');
    expect(reason({ ...nobody, emailVerified: true }, strict, { requireEmailVerification: true, isJuror: true })).toBe(
      'CURP_REQUIRED',
    );
    expect(
      reason({ ...nobody, emailVerified: true, curpVerified: true }, strict, {
        requireEmailVerification: true,
        isJuror: true,
      }),
    ).toBe('NOT_RESIDENT');
    expect(reason(citizen, strict, { requireEmailVerification: true, isJuror: true })).toBe('JUROR_CONFLICT');
  });
});
