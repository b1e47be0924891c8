// One request per root operation of the schema, with arguments of the right types, to try every
// role on every operation. The arguments are well-formed but point at nothing: what is measured is
// whether the access rule let the request through, not what it did.
import { randomUUID } from 'node:crypto';
import { type Role } from '@repo/domain/access';
import {
  getNamedType,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import { isAllowed, operationAccess } from '../modules/auth/operation-access.js';
import { createSchema } from '../schema.js';

function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sample(f.type)]),
    );
  }
  switch (type.name) {
    case 'ID':
      return randomUUID();
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    default:
      return 'battery';
  }
}

export interface AccessProbe {
  field: string;
  query: string;
  variables: Record<string, unknown>;
  allowed(role: Role | null): boolean;
}

export async function roleOperationProbes(): Promise<AccessProbe[]> {
  const schema = await createSchema();
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  return roots.flatMap(([kind, root]) =>
    Object.values(root?.getFields() ?? {}).map((field) => {
      const variables = Object.fromEntries(field.args.map((a) => [a.name, sample(a.type)]));
      const declared = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
      return {
        field: field.name,
        query: `${kind}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`,
        variables,
        allowed: (role: Role | null) => isAllowed(operationAccess[field.name], role),
      };
    }),
  );
}
