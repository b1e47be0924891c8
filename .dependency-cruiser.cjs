// The import rules of the monorepo (issue 17, "one home per concern"), checked by `npm run deps`
// before lint and the tests. Each rule says which way an arrow may run and why; a forbidden import
// fails the run with the rule's name, the importing file and the imported one.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'A cycle has no first file: which module initialises first depends on who is imported ' +
        'first (type-graphql decorators and TypeORM relations then see undefined), and neither ' +
        'side can be read, tested or moved alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment:
        'packages/domain is policy as pure functions (STYLE.md, Boundaries): no I/O (no node: ' +
        'built-in at all, so no fs, net, http or child_process), no database (pg, typeorm), no ' +
        'GraphQL server or client, no React; time comes in as an argument. Every rule is then ' +
        'tested by a table and runs the same in the browser and the API.',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: {
        dependencyTypes: ['core'],
      },
    },
    {
      name: 'domain-uses-no-framework',
      comment: 'The packages half of domain-is-pure: see there.',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: {
        path: '(^|/)node_modules/(pg|pg-copy-streams|typeorm|type-graphql|graphql|react|react-dom|@apollo/[^/]+)/',
      },
    },
    {
      name: 'ui-knows-no-apollo-or-domain',
      comment:
        'packages/ui is presentational (props in, callbacks out): a component that fetched or ' +
        'judged policy could not be reused or tested without a server.',
      severity: 'error',
      from: { path: '^packages/ui/' },
      to: { path: ['(^|/)node_modules/@apollo/client/', '^packages/domain/'] },
    },
    {
      name: 'dashboard-not-into-api',
      comment:
        'The dashboard talks to the API only through GraphQL and its generated types: importing ' +
        'server code would ship it to the browser and couple the two builds.',
      severity: 'error',
      from: { path: '^apps/dashboard/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'db-not-into-modules',
      comment:
        'apps/api/src/db is the plumbing every module stands on (data source, scope, ' +
        'idempotency, held audit): if it imported a module, that module could not use it ' +
        'without a cycle, and db/ could not be tested alone. Modules hand db/ what it needs (the ' +
        'entity list in src/entities.ts is given to createDataSource). Its tests stand above ' +
        'every layer (a test of the scope may sign in through auth); db/migrations has a rule ' +
        'of its own.',
      severity: 'error',
      from: {
        path: '^apps/api/src/db/',
        pathNot: ['^apps/api/src/db/migrations/', '[.]test[.]ts$'],
      },
      to: { path: '^apps/api/src/modules/' },
    },
    {
      name: 'db-not-through-the-app',
      comment:
        'The same arrow by a detour: of the files beside db/ in src/, db/ may use only the leaves ' +
        'that import no module (errors, paths, config); the others (schema, app, context, ' +
        'entities, ...) are the app built on top of db/.',
      severity: 'error',
      from: {
        path: '^apps/api/src/db/',
        pathNot: ['^apps/api/src/db/migrations/', '[.]test[.]ts$'],
      },
      to: {
        path: '^apps/api/src/[^/]+$',
        pathNot: '^apps/api/src/(errors|paths|config)[.]ts$',
      },
    },
    {
      name: 'resolver-not-into-other-module-entity',
      comment:
        "A resolver reads another module's rows through that module's service or loader: the " +
        'owner keeps its scope rules and batching, and its table can change without breaking ' +
        'resolvers elsewhere.',
      severity: 'error',
      from: { path: '^apps/api/src/modules/([^/]+)/[^/]+[.]resolver[.]ts$' },
      to: {
        path: '^apps/api/src/modules/([^/]+)/[^/]+[.]entity[.]ts$',
        pathNot: '^apps/api/src/modules/$1/',
      },
    },
    {
      name: 'migrations-are-frozen',
      comment:
        'A migration is frozen history: it must run the same in a year, so it may use only ' +
        'typeorm, pg and node built-ins, never the app code (entities, SQL helpers) that keeps ' +
        'changing.',
      severity: 'error',
      from: { path: '^apps/api/src/db/migrations/' },
      to: {
        pathNot: [
          '^apps/api/src/db/migrations/',
          '(^|/)node_modules/(typeorm|pg|@types/pg)/',
          '^(node:)?[a-z_/]+$',
        ],
        dependencyTypesNot: ['core'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage|\\.data|test-results|\\.build-[^/]*)/' },
    // Type-only imports are arrows too: they couple the files all the same.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // The workspace packages resolve to their TypeScript source, as in tsconfig.base.json.
      conditionNames: ['source', 'import', 'types', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
