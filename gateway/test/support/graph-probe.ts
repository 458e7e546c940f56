import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { graphqlRequest } from '@rapport/test-kit';
import type { DataSource } from 'typeorm';
import { tenantTables } from '@rapport/service-kit';

/** The composed API schema as clients see it (the gateway must run with introspection on). */
export async function apiSchema(url: string, token: string): Promise<GraphQLSchema> {
  const result = await graphqlRequest<IntrospectionQuery>(url, getIntrospectionQuery(), { token });
  if (!result.data) throw new Error(`introspection failed: ${JSON.stringify(result.errors)}`);
  return buildClientSchema(result.data);
}

const ID_NAME = /^(id|ids|.*Id|.*Ids)$/;

/**
 * A value of an input type that passes GraphQL validation: required fields everywhere, and
 * every id-like field (optional ones too) filled by `idFor`, so a mutation reaches its
 * resolver aimed at the ids the test chooses.
 */
export function sampleInput(type: GraphQLInputType, name: string, idFor: (name: string) => string): unknown {
  if (isNonNullType(type)) return sampleInput(type.ofType, name, idFor);
  if (isListType(type)) return [sampleInput(type.ofType as GraphQLInputType, name.replace(/s$/, ''), idFor)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (required || ID_NAME.test(field.name)) value[field.name] = sampleInput(field.type, field.name, idFor);
    }
    return value;
  }
  switch (type.name) {
    case 'ID':
      return idFor(name);
    case 'String':
      return ID_NAME.test(name) ? idFor(name) : name === 'currency' ? 'USD' : name === 'country' ? 'DE' : 'probe';
    case 'Int':
      return 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return new Date().toISOString();
    case 'JSON':
      return {};
    default:
      return 'probe';
  }
}

/** `mutation($a: T!, ...) { field(a: $a, ...) { __typename } }` with sampled variables. */
export function mutationCall(field: GraphQLField<unknown, unknown>, idFor: (name: string) => string) {
  const args = field.args.filter((arg) => isNonNullType(arg.type) || ID_NAME.test(arg.name) || isInputObjectType(getNamedType(arg.type)));
  const declarations = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const call = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return {
    query: `mutation${declarations ? `(${declarations})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`,
    variables: Object.fromEntries(args.map((arg) => [arg.name, sampleInput(arg.type, arg.name, idFor)])),
  };
}

/** Every row of one tenant in every table that has a tenant_id (outbox included), as JSON. */
export async function tenantRows(databases: Record<string, DataSource>, tenantId: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const [service, dataSource] of Object.entries(databases)) {
    for (const table of await tenantTables(dataSource, ['migrations', 'inbox'])) {
      const rows = await dataSource.query(`SELECT * FROM "${table}" WHERE tenant_id = $1 ORDER BY 1`, [tenantId]);
      snapshot[`${service}.${table}`] = JSON.stringify(rows);
    }
  }
  return snapshot;
}

/** Waits until a tenant's rows stop changing (its own events consumed, the outbox published). */
export async function settledTenantRows(databases: Record<string, DataSource>, tenantId: string): Promise<Record<string, string>> {
  let previous = await tenantRows(databases, tenantId);
  for (let attempt = 0; attempt < 60; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const current = await tenantRows(databases, tenantId);
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
  throw new Error('the tenant rows never settled');
}
