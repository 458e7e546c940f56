import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { DEFAULT_LIMITS, operationCost } from './protection.js';

const schema = buildSchema(`
  type Query { customers(first: Int = 20): CustomerConnection! customer(id: ID!): Customer }
  type CustomerConnection { edges: [CustomerEdge!]! totalCount: Int! }
  type CustomerEdge { node: Customer! }
  type Customer { id: ID! name: String! tags: [String!]! deals: [Deal!]! orders(first: Int): OrderConnection }
  type Deal { id: ID! }
  type OrderConnection { edges: [OrderEdge!]! }
  type OrderEdge { node: Order! }
  type Order { id: ID! }
`);

function cost(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return operationCost(schema, schema.getQueryType()!, operation.selectionSet, fragments, variables, DEFAULT_LIMITS);
}

describe('operation cost', () => {
  it('counts one per field for a single object', () => {
    // customer 1 + (id 1 + name 1) = 3
    assert.equal(cost(`{ customer(id: "1") { id name } }`), 3);
  });

  it('multiplies a connection by its page size, literal or variable, and its edges by one', () => {
    // customers: 1 + 5 * (edges: 1 + 1 * (node: 1 + 1 * (id 1))) = 1 + 5 * 3 = 16
    assert.equal(cost(`{ customers(first: 5) { edges { node { id } } } }`), 16);
    assert.equal(cost(`query($n: Int) { customers(first: $n) { edges { node { id } } } }`, { n: 5 }), 16);
    // The schema default (20) applies when first is omitted: 1 + 20 * 3 = 61
    assert.equal(cost(`{ customers { edges { node { id } } } }`), 61);
  });

  it('counts nested lists multiplicatively and fragments as inlined', () => {
    // node: 1 + (deals: 1 + 10 * 1) = 12 -> edges 13 -> customers 1 + 2 * 13 = 27
    const direct = cost(`{ customers(first: 2) { edges { node { deals { id } } } } }`);
    const viaFragment = cost(`{ customers(first: 2) { edges { node { ...D } } } } fragment D on Customer { deals { id } }`);
    assert.equal(direct, 27);
    assert.equal(viaFragment, direct);
  });

  it('refuses a page size over the maximum, naming first', () => {
    assert.throws(
      () => cost(`query($n: Int) { customers(first: $n) { totalCount } }`, { n: 100_000 }),
      (error: any) => error.extensions.code === 'BAD_USER_INPUT' && error.extensions.field === 'first',
    );
  });
});
