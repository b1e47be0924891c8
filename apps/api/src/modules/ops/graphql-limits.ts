import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  Lexer,
  parse,
  type SelectionSetNode,
  Source,
  TokenKind,
  validate,
  type ValidationRule,
} from 'graphql';
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
    // Counted by the parser itself (`parseOptions` in app.ts): a document past it is a parse
    // error, HTTP 400, where armor's own count answered 500 (issue 19).
    maxTokens: { enabled: false },
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

/** The depth of the standard introspection query (`getIntrospectionQuery()`), `__schema` as 1. */
export const introspectionMaxDepth = 15;

/** The deepest path below a selection set, through fragments (each spread once per path). */
function depthBelow(
  set: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  if (!set) return 0;
  let deepest = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD)
      deepest = Math.max(deepest, 1 + depthBelow(selection.selectionSet, fragments, seen));
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      deepest = Math.max(deepest, depthBelow(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      const fragment = fragments.get(selection.name.value);
      const inner = new Set(seen).add(selection.name.value);
      deepest = Math.max(deepest, depthBelow(fragment?.selectionSet, fragments, inner));
    }
  }
  return deepest;
}

/**
 * Introspection held to the standard query's depth (issue 19): graphql-armor's depth limit skips
 * introspection, so a 44-level `ofType { ofType { … } }` was served; the standard query, which
 * tools send, still passes.
 */
export function introspectionDepthRule(max = introspectionMaxDepth): ValidationRule {
  return (context) => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    return {
      Field(node: FieldNode) {
        if (node.name.value !== '__schema' && node.name.value !== '__type') return undefined;
        const depth = 1 + depthBelow(node.selectionSet, fragments, new Set());
        if (depth > max)
          context.reportError(
            new GraphQLError(`Introspection is ${depth} levels deep; at most ${max}`, {
              nodes: [node],
              extensions: { rule: 'INTROSPECTION_DEPTH' },
            }),
          );
        return false;
      },
    };
  };
}
