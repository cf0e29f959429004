import type { FieldProblem } from './domain-error.js';

/**
 * Spanish for every refusal the frameworks write in English (RULES §0: messages are in Spanish): class-validator, graphql-js
 * parsing, validation and variable coercion, Apollo Server's HTTP-level refusals, and Fastify / Nest HTTP
 * errors. Pure functions of the English text, so the mapping is tested without a server (spanish-messages.spec.ts).
 */

export interface SpanishError {
  message: string;
  /** For variable coercion: the variable (and the path inside it) the problem is about. */
  fields?: FieldProblem[];
}

type Rule = [RegExp, (...groups: string[]) => string];

/** The reason part of a coercion error: what is wrong with a value (graphql-js `coerceInputValue`, scalars). */
const VALUE_RULES: Rule[] = [
  [/^Int cannot represent non-integer value: (.*)$/s, (v) => `Se esperaba un número entero y llegó ${v}.`],
  [/^Int cannot represent non 32-bit signed integer value: (.*)$/s, (v) => `El número ${v} está fuera de rango.`],
  [/^Float cannot represent non numeric value: (.*)$/s, (v) => `Se esperaba un número y llegó ${v}.`],
  [/^String cannot represent a non string value: (.*)$/s, (v) => `Se esperaba texto y llegó ${v}.`],
  [/^Boolean cannot represent a non boolean value: (.*)$/s, (v) => `Se esperaba true o false y llegó ${v}.`],
  [/^ID cannot represent value: (.*)$/s, (v) => `Se esperaba un identificador (texto) y llegó ${v}.`],
  [/^Value "(.*)" does not exist in "(\w+)" enum\..*$/s, (v, e) => `«${v}» no es un valor de ${e}.`],
  [
    /^Enum "(\w+)" cannot represent non-string value: (.*?)\.?(?: Did you mean.*)?$/s,
    (e, v) => `${v} no es un valor de ${e}.`,
  ],
  [/^Expected type "(\w+)" to be an object\.$/, (t) => `Se esperaba un objeto de tipo ${t}.`],
  [/^Expected non-nullable type "([^"]+)" not to be null\.$/, (t) => `No puede ser null (tipo ${t}).`],
  [/^Field "(\w+)" of required type "([^"]+)" was not provided\.$/, (f, t) => `Falta el campo "${f}" (tipo ${t}).`],
  [/^Field "(\w+)" is not defined by type "(\w+)"\..*$/s, (f, t) => `El campo "${f}" no existe en ${t}.`],
  [/^(\w+) cannot represent .*$/s, (t) => `El valor no es válido para el tipo ${t}.`],
];

function valueReason(reason: string): string | null {
  for (const [pattern, render] of VALUE_RULES) {
    const match = pattern.exec(reason);
    if (match) return render(...match.slice(1));
  }
  return null;
}

/** A field named by a coercion reason ("Field "title" of required type…"), to extend the problem's path. */
function reasonField(reason: string): string | null {
  return /^Field "(\w+)" (?:of required type|is not defined by type)/.exec(reason)?.[1] ?? null;
}

const SYNTAX_RULES: Rule[] = [
  [/^Expected (.+), found (.+)\.$/s, (a, b) => `se esperaba ${token(a)} y se encontró ${token(b)}.`],
  [/^Unexpected (.+)\.$/s, (a) => `no se esperaba ${token(a)}.`],
  [/^Unterminated string\.$/, () => 'hay un texto sin cerrar.'],
  [/^Document contains more than (\d+) tokens\. Parsing aborted\.$/, (n) => `la consulta tiene más de ${n} elementos.`],
];

function token(text: string): string {
  return text.replace('<EOF>', 'el final de la consulta').replace(/^Name\b/, 'un nombre');
}

const DOCUMENT_RULES: Rule[] = [
  [/^Cannot query field "(\w+)" on type "(\w+)"\..*$/s, (f, t) => `El campo "${f}" no existe en el tipo ${t}.`],
  [/^Unknown argument "(\w+)" on field "([^"]+)"\..*$/s, (a, f) => `El campo "${f}" no tiene el argumento "${a}".`],
  [
    /^Field "([^"]+)" argument "(\w+)" of type "([^"]+)" is required, but it was not provided\.$/,
    (f, a, t) => `Falta el argumento "${a}" (tipo ${t}) del campo "${f}".`,
  ],
  [
    /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields\..*$/s,
    (f, t) => `El campo "${f}" (tipo ${t}) necesita una selección de subcampos, p. ej. ${f} { id }.`,
  ],
  [
    /^Field "(\w+)" must not have a selection since type "([^"]+)" has no subfields\.$/,
    (f, t) => `El campo "${f}" no admite subcampos: su tipo ${t} no los tiene.`,
  ],
  [/^Unknown type "(\w+)"\..*$/s, (t) => `El tipo ${t} no existe.`],
  [/^Unknown directive "@(\w+)"\.$/, (d) => `La directiva @${d} no existe.`],
  [/^Unknown fragment "(\w+)"\.$/, (f) => `El fragmento "${f}" no existe.`],
  [/^Fragment "(\w+)" is never used\.$/, (f) => `El fragmento "${f}" no se usa.`],
  [/^Variable "\$(\w+)" is not defined.*\.$/, (v) => `La variable "$${v}" no está declarada en la operación.`],
  [/^Variable "\$(\w+)" is never used.*\.$/, (v) => `La variable "$${v}" está declarada pero no se usa.`],
  [/^There can be only one variable named "\$(\w+)"\.$/, (v) => `La variable "$${v}" está declarada dos veces.`],
  [
    /^Variable "\$(\w+)" of type "([^"]+)" used in position expecting type "([^"]+)"\.$/,
    (v, a, b) => `La variable "$${v}" es de tipo ${a}, pero aquí se espera ${b}.`,
  ],
  [/^There can be only one operation named "(\w+)"\.$/, (o) => `Hay más de una operación llamada "${o}".`],
  [
    /^This anonymous operation must be the only defined operation\.$/,
    () => 'Una operación sin nombre debe ser la única de la consulta.',
  ],
  [
    /^Must provide operation name if query contains multiple operations\.$/,
    () => 'La consulta tiene varias operaciones: indica cuál ejecutar en "operationName".',
  ],
  [/^Unknown operation named "(.*)"\.$/s, (o) => `La consulta no tiene ninguna operación llamada "${o}".`],
  [
    /^Expected value of type "([^"]+)", found (.*?); (.*)$/s,
    (t, v, r) => `${v} no es un valor de tipo ${t}: ${valueReason(r) ?? r}`,
  ],
  [/^Expected value of type "([^"]+)", found (.*)\.$/s, (t, v) => `${v} no es un valor de tipo ${t}.`],
  [/^Syntax Error: (.*)$/s, (d) => `Error de sintaxis en la consulta: ${syntax(d)}`],
  [/^Schema is not configured to execute (\w+) operation\.$/, (o) => `Este servidor no admite operaciones ${o}.`],
  [/^The subscription field "(\w+)" is not defined\.$/, (f) => `La suscripción "${f}" no existe.`],
];

function syntax(detail: string): string {
  for (const [pattern, render] of SYNTAX_RULES) {
    const match = pattern.exec(detail);
    if (match) return render(...match.slice(1));
  }
  return 'revisa que llaves, paréntesis y comillas estén completos.';
}

/** Apollo Server's refusals before execution (extensions.code BAD_REQUEST and friends). */
const REQUEST_RULES: Rule[] = [
  [
    /^This operation has been blocked as a potential Cross-Site Request Forgery \(CSRF\)\./,
    () =>
      'Solicitud bloqueada como posible falsificación entre sitios (CSRF): envía el encabezado content-type: application/json, o un encabezado apollo-require-preflight no vacío.',
  ],
  [
    /^Operation batching disabled\.$/,
    () => 'Este servidor no acepta varias operaciones en una sola solicitud: envíalas una por una.',
  ],
  [
    /^GraphQL introspection is not allowed/,
    () =>
      'La introspección del esquema está desactivada en este servidor. El esquema es público en el repositorio (src/schema.gql).',
  ],
  [
    /^GraphQL introspection has been disabled/,
    () =>
      'La introspección del esquema está desactivada en este servidor. El esquema es público en el repositorio (src/schema.gql).',
  ],
  [
    /^POST body missing, invalid Content-Type, or JSON object has no keys\.$/,
    () => 'La solicitud POST debe traer un objeto JSON con la consulta en "query" (content-type: application/json).',
  ],
  [
    /^GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension\.$/,
    () => 'La solicitud debe traer una consulta GraphQL no vacía en "query".',
  ],
  [
    /^GET requests only support query operations, not (\w+) operations$/,
    (o) => `Por GET solo se aceptan consultas (query); las operaciones ${o} van por POST.`,
  ],
  [
    /^Can only perform a (\w+) operation from a POST request\.$/,
    (o) => `Las operaciones ${o} solo se aceptan por POST.`,
  ],
  [
    /^`(\w+)` in a (?:POST body|GET request|URL search parameter).*$/s,
    (p) => `El parámetro "${p}" de la solicitud no tiene el formato esperado.`,
  ],
  [/^Invalid JSON in ?.*$/s, () => 'La solicitud trae JSON no válido.'],
  [/^PersistedQueryNotFound$/, () => 'La consulta persistida no se encontró: envía la consulta completa.'],
  [/^PersistedQueryNotSupported$/, () => 'Este servidor no admite consultas persistidas: envía la consulta completa.'],
  [/^Bad Request$/, () => 'La solicitud no es válida.'],
];

/** Generic Spanish per code, for an English refusal none of the rules knows (never shown in English). */
const CODE_FALLBACK: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: 'Error de sintaxis en la consulta GraphQL.',
  BAD_REQUEST: 'La solicitud GraphQL no es válida.',
  PERSISTED_QUERY_NOT_FOUND: 'La consulta persistida no se encontró: envía la consulta completa.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Este servidor no admite consultas persistidas: envía la consulta completa.',
  OPERATION_RESOLUTION_FAILURE: 'No se pudo determinar qué operación ejecutar: revisa "operationName".',
};

function firstMatch(rules: Rule[], message: string): string | null {
  for (const [pattern, render] of rules) {
    const match = pattern.exec(message);
    if (match) return render(...match.slice(1));
  }
  return null;
}

/**
 * The Spanish of a framework's GraphQL error, with `fields` naming the variable for coercion errors; null when
 * the message is not a known framework text (it is then one of ours, already in Spanish), except for codes only
 * frameworks raise, which always get at least a generic Spanish message.
 */
export function spanishGraphqlError(message: string, code?: string): SpanishError | null {
  const missing = /^Variable "\$(\w+)" of required type "([^"]+)" was not provided\.$/.exec(message);
  if (missing) {
    const text = `Falta la variable "$${missing[1]}" (tipo ${missing[2]}).`;
    return { message: text, fields: [{ path: missing[1], message: text }] };
  }
  const nullVariable = /^Variable "\$(\w+)" of non-null type "([^"]+)" must not be null\.$/.exec(message);
  if (nullVariable) {
    const text = `La variable "$${nullVariable[1]}" no puede ser null (tipo ${nullVariable[2]}).`;
    return { message: text, fields: [{ path: nullVariable[1], message: text }] };
  }
  const invalid = /^Variable "\$(\w+)" got invalid value (.*?)(?: at "([^"]+)")?; (.*)$/s.exec(message);
  if (invalid) {
    const [, variable, , at, reason] = invalid;
    const field = reasonField(reason);
    const path = [at ?? variable, field].filter(Boolean).join('.');
    const text = valueReason(reason) ?? reason;
    return {
      message: `La variable "$${variable}" no es válida en "${path}": ${text}`,
      fields: [{ path, message: text }],
    };
  }
  const known = firstMatch(DOCUMENT_RULES, message) ?? firstMatch(REQUEST_RULES, message) ?? valueReason(message);
  if (known) return { message: known };
  const fallback = code ? CODE_FALLBACK[code] : undefined;
  return fallback ? { message: fallback } : null;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'La solicitud no es válida.',
  401: 'Inicia sesión para continuar.',
  403: 'No tienes permiso para hacer esto.',
  404: 'No existe esa dirección.',
  405: 'Ese método HTTP no se admite en esta dirección.',
  406: 'No podemos responder en el formato que pides.',
  408: 'La solicitud tardó demasiado.',
  409: 'La solicitud choca con el estado actual.',
  410: 'Ese recurso ya no está disponible.',
  411: 'Falta el encabezado content-length.',
  413: 'El cuerpo de la solicitud es demasiado grande.',
  414: 'La dirección es demasiado larga.',
  415: 'Tipo de contenido no admitido: envía application/json.',
  422: 'No se pudo procesar la solicitud.',
  429: 'Demasiadas solicitudes. Espera un momento e inténtalo de nuevo.',
  431: 'Los encabezados de la solicitud son demasiado grandes.',
  500: 'Ocurrió un error interno. Intenta de nuevo más tarde.',
  502: 'El servicio no está disponible por ahora. Intenta de nuevo más tarde.',
  503: 'El servicio no está disponible por ahora. Intenta de nuevo más tarde.',
  504: 'El servicio tardó demasiado en responder. Intenta de nuevo más tarde.',
};

const HTTP_RULES: Rule[] = [
  [/^Cannot (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (.*)$/s, (m, p) => `No existe la dirección ${m} ${p}.`],
  [
    /^Body is not valid JSON but content-type is set to 'application\/json'$/,
    () => 'El cuerpo de la solicitud no es JSON válido.',
  ],
  [
    /^Body cannot be empty when content-type is set to 'application\/json'$/,
    () => 'El cuerpo de la solicitud está vacío y debería ser JSON.',
  ],
  [/^Request body is too large$/, () => STATUS_TEXT[413]],
  [/^Unsupported Media Type.*$/s, () => STATUS_TEXT[415]],
  [
    /^Request body size did not match Content-Length$/,
    () => 'El tamaño del cuerpo no coincide con el encabezado content-length.',
  ],
  [/^Unexpected token .* in JSON.*$/s, () => 'El cuerpo de la solicitud no es JSON válido.'],
];

/** Nest and Fastify's English reason phrases and default messages. */
const ENGLISH_DEFAULT =
  /^(Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed|Not Acceptable|Request Timeout|Conflict|Gone|Payload Too Large|Request Entity Too Large|Unsupported Media Type|Unprocessable Entity|Too Many Requests|Internal Server Error|Internal server error|Bad Gateway|Service Unavailable|Gateway Timeout|Http Exception)$/i;

/**
 * The Spanish message of an HTTP error response (status ≥ 400). Server errors always get the generic text
 * (no internals); our own Spanish messages (e.g. open-data's 404) are kept.
 */
export function spanishHttpMessage(status: number, message: string | undefined): string {
  const generic = STATUS_TEXT[status] ?? (status >= 500 ? STATUS_TEXT[500] : STATUS_TEXT[400]);
  if (status >= 500 || !message || ENGLISH_DEFAULT.test(message)) return generic;
  return firstMatch(HTTP_RULES, message) ?? message;
}

/** The Spanish name of an HTTP status, for the `error` member of an HTTP error body. */
export function spanishStatusName(status: number): string {
  const names: Record<number, string> = {
    400: 'Solicitud no válida',
    401: 'Sin sesión',
    403: 'Prohibido',
    404: 'No encontrado',
    405: 'Método no admitido',
    409: 'Conflicto',
    410: 'Ya no disponible',
    413: 'Cuerpo demasiado grande',
    415: 'Tipo de contenido no admitido',
    429: 'Demasiadas solicitudes',
  };
  return names[status] ?? (status >= 500 ? 'Error interno' : 'Error en la solicitud');
}

/** class-validator's default (English) messages, by their wording; a decorator's own Spanish message is kept. */
const CONSTRAINT_RULES: [RegExp, (property: string, ...groups: string[]) => string][] = [
  [/^property (\S+) should not exist$/, (p) => `El campo "${p}" no se admite.`],
  [/^(?:each value in )?(\S+) must be a string$/, (p) => `"${p}" debe ser texto.`],
  [/^(?:each value in )?(\S+) must be an integer number$/, (p) => `"${p}" debe ser un número entero.`],
  [
    /^(?:each value in )?(\S+) must be a number conforming to the specified constraints$/,
    (p) => `"${p}" debe ser un número.`,
  ],
  [/^(?:each value in )?(\S+) must be a boolean value$/, (p) => `"${p}" debe ser true o false.`],
  [/^(?:each value in )?(\S+) must not be greater than (\S+)$/, (p, n) => `"${p}" no puede ser mayor que ${n}.`],
  [/^(?:each value in )?(\S+) must not be less than (\S+)$/, (p, n) => `"${p}" no puede ser menor que ${n}.`],
  [
    /^(?:each value in )?(\S+) must be longer than or equal to (\d+) characters$/,
    (p, n) => `"${p}" debe tener al menos ${n} caracteres.`,
  ],
  [
    /^(?:each value in )?(\S+) must be shorter than or equal to (\d+) characters$/,
    (p, n) => `"${p}" admite a lo más ${n} caracteres.`,
  ],
  [/^(?:each value in )?(\S+) must be an email$/, (p) => `"${p}" debe ser un correo válido.`],
  [/^(?:each value in )?(\S+) must be a UUID$/, (p) => `"${p}" debe ser un identificador válido.`],
  [/^(?:each value in )?(\S+) should not be empty$/, (p) => `"${p}" no puede estar vacío.`],
  [/^(?:each value in )?(\S+) should not be null or undefined$/, (p) => `"${p}" es obligatorio.`],
  [/^(?:each value in )?(\S+) must be one of the following values: (.*)$/, (p, v) => `"${p}" debe ser uno de: ${v}.`],
  [/^(\S+) must contain no more than (\d+) elements$/, (p, n) => `"${p}" admite a lo más ${n} elementos.`],
  [/^(\S+) must contain at least (\d+) elements$/, (p, n) => `"${p}" debe tener al menos ${n} elementos.`],
  [/^(\S+) must be an array$/, (p) => `"${p}" debe ser una lista.`],
  [/^(?:each value in )?(\S+) must be a valid ISO 8601 date string$/, (p) => `"${p}" debe ser una fecha ISO 8601.`],
  [/^(?:each value in )?(\S+) must be a Date instance$/, (p) => `"${p}" debe ser una fecha.`],
  [/^(?:each value in )?(\S+) must be an URL address$/, (p) => `"${p}" debe ser una dirección URL.`],
  [/^(?:each value in )?(\S+) (?:must|should) .*$/, (p) => `"${p}" no es válido.`],
];

/** The Spanish of a class-validator message: its default English wording translated, a custom message kept. */
export function spanishConstraintMessage(message: string): string {
  for (const [pattern, render] of CONSTRAINT_RULES) {
    const match = pattern.exec(message);
    if (match) return render(match[1], ...match.slice(2));
  }
  return message;
}
