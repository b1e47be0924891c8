import { GraphQLError } from 'graphql';

/** Bad input: names the field and the rule it broke, as every client error must. */
export function badUserInput(field: string, rule: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field, rule } });
}

export function notFound(what: string, key: string): GraphQLError {
  return new GraphQLError(`${what} ${key} not found`, { extensions: { code: 'NOT_FOUND' } });
}
