import { type ApolloServerOptionsWithGateway, type BaseContext } from '@apollo/server';
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  getVariableValues,
  GraphQLError,
  type GraphQLSchema,
  locatedError,
  OperationTypeNode,
  printSchema,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/**
 * graphql-jit's error as graphql-js would have made it: a resolver's own error located at its
 * field (its code, rule and field kept, as Apollo, the masking and the status plugin read them),
 * writable like graphql-js's (graphql-jit's are frozen, and Apollo's formatting writes to them).
 */
function asGraphqlError(error: GraphQLError): GraphQLError {
  const located = error.originalError
    ? locatedError(error.originalError, undefined, error.path)
    : new GraphQLError(error.message, { path: error.path, extensions: error.extensions });
  if (error.locations) (located as { locations?: unknown }).locations = error.locations;
  return located;
}

/**
 * Runs each query with graphql-jit (issue 22): a query is compiled once into a function
 * that reads its fields directly, where graphql-js walks the selection for every object of an
 * answer (coercing each field's arguments, building its resolve info and path). A report of a few
 * hundred groups of seventeen fields spent more time there than in PostgreSQL.
 *
 * Apollo Server takes a custom executor only through its gateway interface: the schema is given
 * once, as a static gateway's. Apollo still parses, validates (with the limits), runs the plugins
 * and formats errors as before; only a query's execution moves (mutations run by graphql-js, as
 * before), and its variables are still coerced by graphql-js. A compiled query is kept as long as
 * Apollo keeps the parsed document (its document store, by the query's text): the compiled
 * functions are keyed by that very document and by operation name.
 */
export function jitGateway(schema: GraphQLSchema): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();
  const compiledFor = (document: DocumentNode, operationName: string | null) => {
    let byName = compiled.get(document);
    if (!byName)
      compiled.set(document, (byName = new Map<string, CompiledQuery | ExecutionResult>()));
    const name = operationName ?? '';
    let query = byName.get(name);
    if (!query) {
      query = compileQuery(schema, document, operationName ?? undefined);
      byName.set(name, query);
    }
    return query;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    load: () =>
      Promise.resolve({
        executor: async ({ document, operation, operationName, context, request }) => {
          // Writes run by graphql-js as before: their time is the database's, not execution's.
          if (operation.operation !== OperationTypeNode.QUERY)
            return execute({
              schema,
              document,
              operationName,
              contextValue: context,
              variableValues: request.variables,
            });
          // Variables coerced by graphql-js: graphql-jit's coercion leaves out the defaults of
          // input fields (an enrolment's `categories: []`).
          const variables = getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          if (variables.errors) return { errors: variables.errors };
          const query = compiledFor(document, operationName);
          // Not compiled: its errors, as graphql-js would have answered before running anything.
          if (!isCompiledQuery(query))
            return { ...query, errors: query.errors?.map(asGraphqlError) };
          const result = await query.query(undefined, context, variables.coerced);
          return result.errors ? { ...result, errors: result.errors.map(asGraphqlError) } : result;
        },
      }),
    stop: () => Promise.resolve(),
  };
}
