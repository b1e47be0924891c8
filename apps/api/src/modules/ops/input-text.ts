import { type ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, visit } from 'graphql';

// One check of every string a request sends, before any resolver runs (issue 19): a NUL byte or
// another control character in a name, a search or a username reached PostgreSQL and came back as
// a server fault; a 10,000-character street did too. Every string in the variables and every
// string literal of the query is checked here, and the request refused with the field and the rule.

/** Control characters other than tab, line feed and carriage return (and DEL). */
// eslint-disable-next-line no-control-regex -- finding them is the point
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * The longest string a field may carry: the learner profile's fields as their columns hold them
 * (learner.entity.ts; client-mistakes.test.ts fails when the two differ), a file's content as the
 * import's body limit, anything else 1,000 characters.
 */
export const textLimits: { default: number; fields: Record<string, number> } = {
  default: 1_000,
  fields: {
    lastName: 100,
    firstName: 100,
    middleName: 100,
    extensionName: 10,
    placeOfBirth: 200,
    motherTongue: 60,
    ipCommunity: 100,
    addressStreet: 200,
    addressBarangay: 120,
    addressMunicipality: 80,
    addressProvince: 80,
    fatherName: 200,
    motherMaidenName: 200,
    guardianName: 200,
    contentBase64: 1_000_000,
  },
};

const limitOf = (field: string) =>
  textLimits.fields[field.slice(field.lastIndexOf('.') + 1)] ?? textLimits.default;

const refusal = (field: string, rule: string, message: string) =>
  new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', field, rule, http: { status: 400 } },
  });

/** The first problem of one string, or null. */
export function textProblem(field: string, value: string): GraphQLError | null {
  if (controlCharacters.test(value))
    return refusal(
      field,
      'CONTROL_CHARACTER',
      `${field} contains a control character (such as NUL), which no field takes`,
    );
  const limit = limitOf(field);
  if (value.length > limit)
    return refusal(
      field,
      'TOO_LONG',
      `${field} is ${value.length} characters long; at most ${limit}`,
    );
  return null;
}

/** Every string of a variables object, with its path (`input.learner.lastName`, `ids.2`). */
function* stringsOf(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value))
    for (const [i, item] of value.entries()) yield* stringsOf(item, `${path}.${i}`);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value))
      yield* stringsOf(item, path ? `${path}.${key}` : key);
}

/** The string literals of a query, each named by its argument or input field. */
function literalsOf(document: DocumentNode): [string, string][] {
  const found: [string, string][] = [];
  const names: string[] = [];
  visit(document, {
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: {
      enter: (node) => void names.push(node.name.value),
      leave: () => void names.pop(),
    },
    StringValue: (node) => void found.push([names.join('.') || 'query', node.value]),
  });
  return found;
}

/** The first problem of a request's strings, or null. */
export function requestTextProblem(
  variables: Record<string, unknown> | undefined,
  document: DocumentNode,
): GraphQLError | null {
  for (const [field, value] of [...stringsOf(variables ?? {}, ''), ...literalsOf(document)]) {
    const problem = textProblem(field, value);
    if (problem) return problem;
  }
  return null;
}

/** Refuses a request with a bad string before any resolver runs (HTTP 400, BAD_USER_INPUT). */
export const inputTextPlugin: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ request, document }) => {
        const problem = requestTextProblem(request.variables, document);
        return problem ? Promise.reject(problem) : Promise.resolve();
      },
    }),
};
