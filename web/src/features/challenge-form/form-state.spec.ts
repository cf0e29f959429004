import { challengeInput, initialValues, stepOf, stepProblems, type FormValues } from './form-state';

const budgetForm = (ballot: Partial<FormValues>): FormValues => ({
  ...initialValues('unidad', { SUBMISSION: 'Propuestas', VOTING: 'Votación', EVALUATION: 'Evaluación' }),
  votingMethod: 'BUDGET',
  budget: '1000000',
  ...ballot,
});

const VOTING_STEP = 2;

describe('ballot length in the challenge form', () => {
  it('accepts empty bounds and sends them as no limit', () => {
    const values = budgetForm({});
    expect(stepProblems(VOTING_STEP, values)).toEqual({});
    expect(challengeInput(values).settings).toMatchObject({ minProjectsPerBallot: null, maxProjectsPerBallot: null });
  });

  it('sends whole-number bounds for a participatory budget only', () => {
    const values = budgetForm({ minProjectsPerBallot: ' 2 ', maxProjectsPerBallot: '5' });
    expect(stepProblems(VOTING_STEP, values)).toEqual({});
    expect(challengeInput(values).settings).toMatchObject({ minProjectsPerBallot: 2, maxProjectsPerBallot: 5 });
    expect(challengeInput({ ...values, votingMethod: 'MULTIPLE' }).settings).toMatchObject({
      minProjectsPerBallot: null,
      maxProjectsPerBallot: null,
    });
  });

  it('refuses a bound that is not a whole number of projects, at its field', () => {
    expect(stepProblems(VOTING_STEP, budgetForm({ minProjectsPerBallot: '0', maxProjectsPerBallot: '2,5' }))).toEqual({
      'settings.minProjectsPerBallot':
        'El mínimo de proyectos por boleta debe ser un entero de 1 o más, o dejarse vacío.',
      'settings.maxProjectsPerBallot':
        'El máximo de proyectos por boleta debe ser un entero de 1 o más, o dejarse vacío.',
    });
  });

  it('refuses a maximum below the minimum, at the maximum', () => {
    expect(stepProblems(VOTING_STEP, budgetForm({ minProjectsPerBallot: '4', maxProjectsPerBallot: '3' }))).toEqual({
      'settings.maxProjectsPerBallot': 'El máximo de proyectos por boleta no puede ser menor que el mínimo.',
    });
  });

  it('places the server’s refusals of the bounds in the voting step', () => {
    expect(stepOf('settings.minProjectsPerBallot')).toBe(VOTING_STEP);
    expect(stepOf('settings.maxProjectsPerBallot')).toBe(VOTING_STEP);
  });
});
