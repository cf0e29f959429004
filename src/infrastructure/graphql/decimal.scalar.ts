import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DECIMAL = /^-?\d{1,12}(\.\d{1,2})?$/;

function parse(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL.test(value.trim())) {
    throw new GraphQLError('Un importe debe ser una cadena decimal con hasta 2 decimales, p. ej. "1500000.00".', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value.trim();
}

/** Amounts of Mexican pesos as strings ("1500000.00"): exact, never floats. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'A decimal amount of Mexican pesos (MXN), as a string such as "1500000.00".',
  parseValue: parse,
  serialize: (value) => (typeof value === 'string' ? value : String(value)),
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
