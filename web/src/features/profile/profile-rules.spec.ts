import { profileChanges, profileProblems, withState, type ProfileForm } from './profile-rules';

const saved: ProfileForm = { displayName: 'Ana', anonymousInPublic: false, stateCode: '14', municipalityCode: '14120' };

describe('profileChanges', () => {
  it('sends nothing when nothing changed', () => {
    expect(profileChanges(saved, { ...saved, displayName: ' Ana ' })).toEqual({});
  });

  it('sends only the changed fields, the residence whole', () => {
    expect(profileChanges(saved, { ...saved, anonymousInPublic: true })).toEqual({ anonymousInPublic: true });
    expect(profileChanges(saved, { ...saved, municipalityCode: '14039' })).toEqual({
      stateCode: '14',
      municipalityCode: '14039',
    });
  });

  it('clears the residence with nulls', () => {
    expect(profileChanges(saved, { ...saved, stateCode: '', municipalityCode: '' })).toEqual({
      stateCode: null,
      municipalityCode: null,
    });
  });
});

describe('profileProblems', () => {
  it('refuses a display name out of 2..80 characters, at its field, in Spanish', () => {
    expect(profileProblems({ ...saved, displayName: ' A ' })).toEqual([
      { field: 'displayName', message: 'Tu nombre público debe tener de 2 a 80 caracteres.' },
    ]);
    expect(profileProblems({ ...saved, displayName: 'ñ'.repeat(80) })).toEqual([]);
  });

  it('refuses a municipality of another state', () => {
    expect(profileProblems({ ...saved, stateCode: '21' })[0].field).toBe('municipalityCode');
  });
});

describe('withState', () => {
  it('keeps the municipality only when it belongs to the new state', () => {
    expect(withState(saved, '14').municipalityCode).toBe('14120');
    expect(withState(saved, '21').municipalityCode).toBe('');
    expect(withState(saved, '').municipalityCode).toBe('');
  });
});
