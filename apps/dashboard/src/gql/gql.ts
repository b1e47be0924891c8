/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query DivisionPage($id: ID!, $first: Int!, $after: String, $search: String) {\n    division(id: $id) {\n      id\n      name\n      schoolCount\n      region {\n        id\n        name\n      }\n      schools(first: $first, after: $after, search: $search) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          schoolId\n          name\n          sector\n          levelsOffered\n          municipality\n          hasOfficialDetails\n        }\n      }\n    }\n  }\n": typeof types.DivisionPageDocument,
    "\n  query NationalPage {\n    regions {\n      id\n      name\n      longName\n      divisionCount\n      schoolCount\n    }\n  }\n": typeof types.NationalPageDocument,
    "\n  query RegionPage($id: ID!) {\n    region(id: $id) {\n      id\n      name\n      longName\n      divisionCount\n      schoolCount\n      divisions {\n        id\n        name\n        schoolCount\n      }\n    }\n  }\n": typeof types.RegionPageDocument,
    "\n  query SchoolPage($schoolId: String!) {\n    school(schoolId: $schoolId) {\n      id\n      schoolId\n      name\n      sector\n      levelsOffered\n      province\n      municipality\n      barangay\n      hasOfficialDetails\n      district {\n        name\n      }\n      division {\n        id\n        name\n      }\n      region {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SchoolPageDocument,
};
const documents: Documents = {
    "\n  query DivisionPage($id: ID!, $first: Int!, $after: String, $search: String) {\n    division(id: $id) {\n      id\n      name\n      schoolCount\n      region {\n        id\n        name\n      }\n      schools(first: $first, after: $after, search: $search) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          schoolId\n          name\n          sector\n          levelsOffered\n          municipality\n          hasOfficialDetails\n        }\n      }\n    }\n  }\n": types.DivisionPageDocument,
    "\n  query NationalPage {\n    regions {\n      id\n      name\n      longName\n      divisionCount\n      schoolCount\n    }\n  }\n": types.NationalPageDocument,
    "\n  query RegionPage($id: ID!) {\n    region(id: $id) {\n      id\n      name\n      longName\n      divisionCount\n      schoolCount\n      divisions {\n        id\n        name\n        schoolCount\n      }\n    }\n  }\n": types.RegionPageDocument,
    "\n  query SchoolPage($schoolId: String!) {\n    school(schoolId: $schoolId) {\n      id\n      schoolId\n      name\n      sector\n      levelsOffered\n      province\n      municipality\n      barangay\n      hasOfficialDetails\n      district {\n        name\n      }\n      division {\n        id\n        name\n      }\n      region {\n        id\n        name\n      }\n    }\n  }\n": types.SchoolPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DivisionPage($id: ID!, $first: Int!, $after: String, $search: String) {\n    division(id: $id) {\n      id\n      name\n      schoolCount\n      region {\n        id\n        name\n      }\n      schools(first: $first, after: $after, search: $search) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          schoolId\n          name\n          sector\n          levelsOffered\n          municipality\n          hasOfficialDetails\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DivisionPage($id: ID!, $first: Int!, $after: String, $search: String) {\n    division(id: $id) {\n      id\n      name\n      schoolCount\n      region {\n        id\n        name\n      }\n      schools(first: $first, after: $after, search: $search) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          schoolId\n          name\n          sector\n          levelsOffered\n          municipality\n          hasOfficialDetails\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NationalPage {\n    regions {\n      id\n      name\n      longName\n      divisionCount\n      schoolCount\n    }\n  }\n"): (typeof documents)["\n  query NationalPage {\n    regions {\n      id\n      name\n      longName\n      divisionCount\n      schoolCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionPage($id: ID!) {\n    region(id: $id) {\n      id\n      name\n      longName\n      divisionCount\n      schoolCount\n      divisions {\n        id\n        name\n        schoolCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query RegionPage($id: ID!) {\n    region(id: $id) {\n      id\n      name\n      longName\n      divisionCount\n      schoolCount\n      divisions {\n        id\n        name\n        schoolCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolPage($schoolId: String!) {\n    school(schoolId: $schoolId) {\n      id\n      schoolId\n      name\n      sector\n      levelsOffered\n      province\n      municipality\n      barangay\n      hasOfficialDetails\n      district {\n        name\n      }\n      division {\n        id\n        name\n      }\n      region {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query SchoolPage($schoolId: String!) {\n    school(schoolId: $schoolId) {\n      id\n      schoolId\n      name\n      sector\n      levelsOffered\n      province\n      municipality\n      barangay\n      hasOfficialDetails\n      district {\n        name\n      }\n      division {\n        id\n        name\n      }\n      region {\n        id\n        name\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;