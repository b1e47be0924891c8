import { ApolloServer } from '@apollo/server';
import {
  execute,
  GraphQLBoolean,
  GraphQLError,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jitGateway } from './jit-executor.js';

// A schema of the shapes the API's answers take: an input with defaults, a list of rows with a
// nested object, a refusal with a code, and a mutation.
const Filter = new GraphQLInputObjectType({
  name: 'Filter',
  fields: {
    year: { type: new GraphQLNonNull(GraphQLString) },
    categories: { type: new GraphQLNonNull(new GraphQLList(GraphQLString)), defaultValue: [] },
    firstTime: { type: new GraphQLNonNull(GraphQLBoolean), defaultValue: false },
  },
});
const Parity = new GraphQLObjectType({
  name: 'Parity',
  fields: { rate: { type: GraphQLInt } },
});
const Row = new GraphQLObjectType({
  name: 'Row',
  fields: {
    year: { type: GraphQLString },
    cohort: { type: new GraphQLNonNull(GraphQLInt) },
    parity: { type: Parity },
    refused: {
      type: GraphQLString,
      resolve: () => {
        throw new GraphQLError('This place is outside your scope', {
          extensions: { code: 'FORBIDDEN', rule: 'OUTSIDE_SCOPE', field: 'filter.regionIds' },
        });
      },
    },
  },
});
const written: string[] = [];
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      rows: {
        type: new GraphQLList(Row),
        args: { filter: { type: new GraphQLNonNull(Filter) } },
        resolve: (
          _root,
          { filter }: { filter: Record<string, unknown> },
          context: { who: string },
        ) =>
          [1, 2].map((i) => ({
            year: `${String(filter.year)} ${JSON.stringify(filter)} ${context.who}`,
            cohort: i,
            parity: { rate: i * 10 },
          })),
      },
      broken: { type: new GraphQLNonNull(GraphQLInt), resolve: () => null },
    },
  }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: {
      write: {
        type: GraphQLString,
        args: { filter: { type: new GraphQLNonNull(Filter) } },
        resolve: (_root, { filter }: { filter: { year: string } }) => {
          written.push(filter.year);
          return filter.year;
        },
      },
    },
  }),
});

const server = new ApolloServer<{ who: string }>({
  gateway: jitGateway(schema),
  includeStacktraceInErrorResponses: false,
});
beforeAll(() => server.start());
afterAll(() => server.stop());

/** The answer through the compiled executor, and graphql-js's own for the same operation. */
async function both(query: string, variables: Record<string, unknown> = {}) {
  const response = await server.executeOperation(
    { query, variables },
    { contextValue: { who: 'analyst' } },
  );
  if (response.body.kind !== 'single') throw new Error('one answer expected');
  const plain = await execute({
    schema,
    document: parse(query),
    variableValues: variables,
    contextValue: { who: 'analyst' },
  });
  return { jit: response.body.singleResult, plain: JSON.parse(JSON.stringify(plain)) as object };
}

describe('the compiled executor (jit-executor.ts)', () => {
  it('answers a query as graphql-js does: aliases, fragments, nested objects, input defaults', async () => {
    const query = `query Rows($filter: Filter!) {
      rows(filter: $filter) { ...counts y: year parity { rate } }
      again: rows(filter: { year: "2025-2026", firstTime: true }) { cohort }
    } fragment counts on Row { cohort }`;
    for (let time = 0; time < 2; time++) {
      const { jit, plain } = await both(query, { filter: { year: '2024-2025' } });
      expect(jit).toEqual(plain);
      // The input fields' defaults reach the resolver (graphql-jit's own coercion leaves them out).
      expect(jit.data?.rows).toEqual([
        {
          cohort: 1,
          y: '2024-2025 {"year":"2024-2025","categories":[],"firstTime":false} analyst',
          parity: { rate: 10 },
        },
        {
          cohort: 2,
          y: '2024-2025 {"year":"2024-2025","categories":[],"firstTime":false} analyst',
          parity: { rate: 20 },
        },
      ]);
    }
  });

  it("keeps a resolver's refusal as graphql-js does: its message, code, rule, field, path and place", async () => {
    const { jit, plain } = await both('{ rows(filter: { year: "2024-2025" }) { refused } }');
    expect(jit.errors).toEqual((plain as { errors: unknown }).errors);
    expect(jit.errors?.[0]).toMatchObject({
      message: 'This place is outside your scope',
      path: ['rows', 0, 'refused'],
      locations: [{ line: 1, column: 41 }],
      extensions: { code: 'FORBIDDEN', rule: 'OUTSIDE_SCOPE', field: 'filter.regionIds' },
    });
    expect(jit.data).toEqual({ rows: [{ refused: null }, { refused: null }] });
  });

  it('nulls the answer when a non-null field is null, and refuses a bad variable by name', async () => {
    const broken = await both('{ broken }');
    expect(broken.jit.data).toBeNull();
    expect(broken.jit.errors?.[0]?.message).toBe(
      'Cannot return null for non-nullable field Query.broken.',
    );
    const bad = await both('query ($filter: Filter!) { rows(filter: $filter) { cohort } }', {
      filter: { year: 2024 },
    });
    expect(bad.jit.errors?.map((e) => e.message)).toEqual(
      (bad.plain as { errors: { message: string }[] }).errors.map((e) => e.message),
    );
    expect(bad.jit.errors?.[0]?.message).toMatch(/^Variable "\$filter" got invalid value 2024/);
  });

  it('runs a mutation by graphql-js, with its input defaults', async () => {
    const response = await server.executeOperation(
      { query: 'mutation { write(filter: { year: "2026-2027" }) }' },
      { contextValue: { who: 'registrar' } },
    );
    expect(response.body.kind === 'single' && response.body.singleResult.data).toEqual({
      write: '2026-2027',
    });
    expect(written).toEqual(['2026-2027']);
  });
});
