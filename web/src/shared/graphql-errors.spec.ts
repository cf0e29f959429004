import { fieldAsFormMessage, firstProblemField, formMessageAt, formProblems, NO_PROBLEMS } from './graphql-errors';
import { texts } from './texts';

describe('API errors → form problems', () => {
  it('puts each field problem at its field, with or without the input prefix', () => {
    const problems = formProblems({
      graphQLErrors: [
        {
          message: 'Hay datos inválidos en la solicitud.',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { path: 'title', message: 'El título debe tener entre 10 y 150 caracteres.' },
              { path: 'input.summary', message: 'El resumen es obligatorio.' },
            ],
          },
        },
      ],
    });
    expect(problems).toEqual({
      fields: {
        title: 'El título debe tener entre 10 y 150 caracteres.',
        summary: 'El resumen es obligatorio.',
      },
      form: null,
    });
    expect(firstProblemField(problems, ['summary', 'title'])).toBe('summary');
  });

  it('keeps a refusal without fields as the form message', () => {
    const problems = formProblems({
      graphQLErrors: [{ message: 'La ronda de propuestas ya cerró.', extensions: { code: 'CONFLICT' } }],
    });
    expect(problems).toEqual({ fields: {}, form: 'La ronda de propuestas ya cerró.' });
  });

  it('explains a network failure in Spanish', () => {
    expect(formProblems({ graphQLErrors: [], networkError: new Error('fetch failed') }).form).toBe(
      texts.errors.network,
    );
    expect(formProblems(undefined)).toEqual({ fields: {}, form: null });
  });
});

describe('placing problems a form shows elsewhere', () => {
  const refusal = { graphQLErrors: [{ message: 'Esa CURP ya está registrada en otra cuenta.', extensions: {} }] };
  const tokenProblem = {
    graphQLErrors: [
      {
        message: 'El enlace no es válido.',
        extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'token', message: 'El enlace no es válido.' }] },
      },
    ],
  };

  it('shows a refusal without a field at the only field of the form', () => {
    expect(formMessageAt('curp')(formProblems(refusal))).toEqual({
      fields: { curp: 'Esa CURP ya está registrada en otra cuenta.' },
      form: null,
    });
    expect(formMessageAt('curp')(NO_PROBLEMS)).toBe(NO_PROBLEMS);
  });

  it('turns a problem at a field without an input into the form message', () => {
    expect(fieldAsFormMessage('token')(formProblems(tokenProblem))).toEqual({
      fields: {},
      form: 'El enlace no es válido.',
    });
    expect(fieldAsFormMessage('token', 'Pide un enlace nuevo.')(formProblems(tokenProblem)).form).toBe(
      'Pide un enlace nuevo.',
    );
    const other = { fields: { newPassword: 'Muy corta.' }, form: null };
    expect(fieldAsFormMessage('token')(other)).toBe(other);
  });
});
