import { accountTexts } from './account-texts';
import { confirmationProblem } from './password-rules';

describe('confirmation of the new password', () => {
  it('accepts the same password typed twice', () => {
    expect(confirmationProblem('una-contraseña-larga', 'una-contraseña-larga')).toBeNull();
  });

  it('asks for the confirmation when it is empty', () => {
    expect(confirmationProblem('una-contraseña-larga', '')).toBe(accountTexts.reset.confirmationMissing);
  });

  it('refuses a different one, even by case or a trailing space (passwords are taken as typed)', () => {
    expect(confirmationProblem('una-contraseña-larga', 'Una-contraseña-larga')).toBe(
      accountTexts.reset.confirmationDiffers,
    );
    expect(confirmationProblem('una-contraseña-larga', 'una-contraseña-larga ')).toBe(
      accountTexts.reset.confirmationDiffers,
    );
  });
});
