import { firstProblemField, formProblems } from './graphql-errors';
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
