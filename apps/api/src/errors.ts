import { type FieldError } from '@repo/domain/learner-profile';
import { GraphQLError } from 'graphql';

/** Bad input: names the field and the rule it broke, as every client error must. */
export function badUserInput(field: string, rule: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field, rule } });
}

export function notFound(what: string, key: string): GraphQLError {
  return new GraphQLError(`${what} ${key} not found`, { extensions: { code: 'NOT_FOUND' } });
}

/** Every rule the input broke, the first one named in `field` and `rule`. */
export function fieldErrors(errors: FieldError[], prefix = 'input'): GraphQLError {
  const named = errors.map((e) => ({ field: `${prefix}.${e.field}`, rule: e.code }));
  const message = named.map((e) => `${e.field}: ${e.rule}`).join('; ');
  return new GraphQLError(`Invalid input: ${message}`, {
    extensions: {
      code: 'BAD_USER_INPUT',
      field: named[0]!.field,
      rule: named[0]!.rule,
      errors: named,
    },
  });
}

/** A request the rules refuse as it stands: a stable code, and what the client needs to act. */
export function refused(
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}
