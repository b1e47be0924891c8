import { ApolloArmor } from '@escape.tech/graphql-armor';
import { type GraphQLSchema, Lexer, parse, Source, TokenKind, validate } from 'graphql';
import { config } from '../../config.js';

const { production } = config;

/**
 * Limits on what one request may ask, set from the dashboard's own queries (`measureOperation`
 * over apps/dashboard/src/gql/gql.ts; graphql-limits.test.ts fails when one outgrows them). The
 * largest of its 31 operations at the time of writing: depth 4, cost 86, 5 aliases, 155
 * tokens, 1 directive (`@include`). Each limit is about twice that, so the dashboard can grow a
 * little; a query far beyond it is an attack or a bug.
 */
export const graphqlLimits = config.graphqlLimits;

/** graphql-armor's protections with our limits; field suggestions are never sent. */
export function armor(limits = graphqlLimits) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, exposeLimits: !production },
    costLimit: { maxCost: limits.maxCost, exposeLimits: !production },
    maxAliases: { n: limits.maxAliases, exposeLimits: !production },
    maxTokens: { n: limits.maxTokens, exposeLimits: !production },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: !production },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

export interface OperationMeasures {
  depth: number;
  cost: number;
  aliases: number;
  tokens: number;
  directives: number;
}

/** What graphql-armor counts for one document, to set the limits from real queries. */
export function measureOperation(schema: GraphQLSchema, source: string): OperationMeasures {
  const found: OperationMeasures = { depth: 0, cost: 0, aliases: 0, tokens: 0, directives: 0 };
  const record = (key: keyof OperationMeasures) => [
    (_: unknown, details: { n: number }) => {
      found[key] = Math.max(found[key], details.n);
    },
  ];
  const unlimited = Number.MAX_SAFE_INTEGER;
  const { validationRules } = new ApolloArmor({
    maxDepth: { n: unlimited, onAccept: record('depth') },
    costLimit: { maxCost: unlimited, onAccept: record('cost') },
    maxAliases: { n: unlimited, onAccept: record('aliases') },
    maxDirectives: { n: unlimited, onAccept: record('directives') },
    maxTokens: { enabled: false },
  }).protect();
  const document = parse(source);
  const errors = validate(schema, document, validationRules);
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join('; '));
  const lexer = new Lexer(new Source(source));
  while (lexer.advance().kind !== TokenKind.EOF) found.tokens++;
  return found;
}
