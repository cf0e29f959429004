import {
  spanishConstraintMessage,
  spanishGraphqlError,
  spanishHttpMessage,
  spanishStatusName,
} from './spanish-messages.js';

describe('Spanish for framework messages', () => {
  describe('graphql-js variable coercion, with fields naming the variable', () => {
    it('a missing variable', () => {
      expect(spanishGraphqlError('Variable "$id" of required type "ID!" was not provided.', 'BAD_USER_INPUT')).toEqual({
        message: 'Falta la variable "$id" (tipo ID!).',
        fields: [{ path: 'id', message: 'Falta la variable "$id" (tipo ID!).' }],
      });
    });

    it('a null for a non-null variable', () => {
      expect(spanishGraphqlError('Variable "$c" of non-null type "ID!" must not be null.')?.fields).toEqual([
        { path: 'c', message: 'La variable "$c" no puede ser null (tipo ID!).' },
      ]);
    });

    it('a wrong scalar, at the top and inside an input object', () => {
      expect(
        spanishGraphqlError('Variable "$first" got invalid value "abc"; Int cannot represent non-integer value: "abc"'),
      ).toEqual({
        message: 'La variable "$first" no es válida en "first": Se esperaba un número entero y llegó "abc".',
        fields: [{ path: 'first', message: 'Se esperaba un número entero y llegó "abc".' }],
      });
      expect(
        spanishGraphqlError(
          'Variable "$input" got invalid value 5 at "input.password"; String cannot represent a non string value: 5',
        )?.fields,
      ).toEqual([{ path: 'input.password', message: 'Se esperaba texto y llegó 5.' }]);
    });

    it('a missing or unknown field of an input object names the field', () => {
      expect(
        spanishGraphqlError(
          'Variable "$input" got invalid value { email: "a@b.mx" }; Field "password" of required type "String!" was not provided.',
        )?.fields,
      ).toEqual([{ path: 'input.password', message: 'Falta el campo "password" (tipo String!).' }]);
      expect(
        spanishGraphqlError(
          'Variable "$input" got invalid value { extra: 1 }; Field "extra" is not defined by type "RegisterInput". Did you mean "email"?',
        )?.fields,
      ).toEqual([{ path: 'input.extra', message: 'El campo "extra" no existe en RegisterInput.' }]);
    });

    it('an unknown enum value, and our own scalar messages kept as they are', () => {
      expect(
        spanishGraphqlError('Variable "$r" got invalid value "X"; Value "X" does not exist in "UnitRole" enum.')
          ?.fields,
      ).toEqual([{ path: 'r', message: '«X» no es un valor de UnitRole.' }]);
      const ours = 'Un importe debe ser una cadena decimal con hasta 2 decimales, p. ej. "1500000.00".';
      expect(spanishGraphqlError(`Variable "$b" got invalid value "1.234" at "b"; ${ours}`)?.fields).toEqual([
        { path: 'b', message: ours },
      ]);
    });
  });

  it('translates validation and syntax errors', () => {
    expect(spanishGraphqlError('Cannot query field "nope" on type "Query".')?.message).toBe(
      'El campo "nope" no existe en el tipo Query.',
    );
    expect(spanishGraphqlError('Unknown argument "x" on field "Query.viewer".')?.message).toBe(
      'El campo "Query.viewer" no tiene el argumento "x".',
    );
    expect(
      spanishGraphqlError('Field "challenge" argument "id" of type "ID!" is required, but it was not provided.')
        ?.message,
    ).toBe('Falta el argumento "id" (tipo ID!) del campo "challenge".');
    expect(spanishGraphqlError('Syntax Error: Expected Name, found <EOF>.', 'GRAPHQL_PARSE_FAILED')?.message).toBe(
      'Error de sintaxis en la consulta: se esperaba un nombre y se encontró el final de la consulta.',
    );
    expect(spanishGraphqlError('Syntax Error: Invalid character: "~".', 'GRAPHQL_PARSE_FAILED')?.message).toBe(
      'Error de sintaxis en la consulta: revisa que llaves, paréntesis y comillas estén completos.',
    );
  });

  it("translates Apollo's CSRF, batching and introspection refusals", () => {
    expect(
      spanishGraphqlError(
        "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight\n",
        'BAD_REQUEST',
      )?.message,
    ).toMatch(/^Solicitud bloqueada como posible falsificación entre sitios \(CSRF\)/);
    expect(spanishGraphqlError('Operation batching disabled.', 'BAD_REQUEST')?.message).toBe(
      'Este servidor no acepta varias operaciones en una sola solicitud: envíalas una por una.',
    );
    expect(
      spanishGraphqlError(
        'GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production',
        'GRAPHQL_VALIDATION_FAILED',
      )?.message,
    ).toMatch(/^La introspección del esquema está desactivada/);
  });

  it('keeps our own messages, and never lets an unknown framework refusal through in English', () => {
    expect(spanishGraphqlError('La consulta es demasiado profunda.', 'GRAPHQL_VALIDATION_FAILED')).toBeNull();
    expect(spanishGraphqlError('Something new in Apollo 6', 'BAD_REQUEST')?.message).toBe(
      'La solicitud GraphQL no es válida.',
    );
  });

  it('translates HTTP errors and hides server errors', () => {
    expect(spanishHttpMessage(404, 'Cannot DELETE /health/live')).toBe('No existe la dirección DELETE /health/live.');
    expect(spanishHttpMessage(413, 'Request body is too large')).toBe('El cuerpo de la solicitud es demasiado grande.');
    expect(spanishHttpMessage(415, 'Unsupported Media Type')).toBe(
      'Tipo de contenido no admitido: envía application/json.',
    );
    expect(spanishHttpMessage(400, "Body is not valid JSON but content-type is set to 'application/json'")).toBe(
      'El cuerpo de la solicitud no es JSON válido.',
    );
    expect(spanishHttpMessage(404, 'Not Found')).toBe('No existe esa dirección.');
    expect(spanishHttpMessage(404, 'No existe ese archivo de datos abiertos.')).toBe(
      'No existe ese archivo de datos abiertos.',
    );
    expect(spanishHttpMessage(500, 'connect ECONNREFUSED 127.0.0.1:5432')).toBe(
      'Ocurrió un error interno. Intenta de nuevo más tarde.',
    );
    expect(spanishStatusName(415)).toBe('Tipo de contenido no admitido');
  });

  it("translates class-validator's default messages and keeps custom ones", () => {
    expect(spanishConstraintMessage('title must be a string')).toBe('"title" debe ser texto.');
    expect(spanishConstraintMessage('first must not be greater than 100')).toBe('"first" no puede ser mayor que 100.');
    expect(spanishConstraintMessage('summary must be longer than or equal to 10 characters')).toBe(
      '"summary" debe tener al menos 10 caracteres.',
    );
    expect(spanishConstraintMessage('property extra should not exist')).toBe('El campo "extra" no se admite.');
    expect(spanishConstraintMessage('each value in tags must be a string')).toBe('"tags" debe ser texto.');
    expect(spanishConstraintMessage('La contraseña debe ser texto.')).toBe('La contraseña debe ser texto.');
  });
});
