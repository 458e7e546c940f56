import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSchema, type GraphQLInputType } from 'graphql';
import { auditTargets } from './audit.js';

const schema = buildSchema(`
  scalar JSON
  input Line { productId: ID! quantity: Int! }
  input PlaceOrder { customerId: ID! lines: [Line!]! note: String customFields: JSON }
  type Query { ok: Boolean }
  type Mutation { placeOrder(input: PlaceOrder!): Boolean mergeCustomers(survivorId: ID!, mergedIds: [ID!]!): Boolean }
`);
const argTypes = (name: string): Record<string, GraphQLInputType> =>
  Object.fromEntries(schema.getMutationType()!.getFields()[name]!.args.map((arg) => [arg.name, arg.type]));

describe('audit targets', () => {
  it('keeps ids and the names of the fields given, never other values, and stops at JSON scalars', () => {
    const targets = auditTargets(
      { input: { customerId: 'c1', lines: [{ productId: 'p1', quantity: 2 }], note: 'call Jane on +1 555', customFields: { secret: 'x' } } },
      argTypes('placeOrder'),
    );
    assert.deepEqual(targets, {
      targetIds: ['c1', 'p1'],
      fields: ['input.customFields', 'input.customerId', 'input.lines.productId', 'input.lines.quantity', 'input.note'],
    });
    assert.doesNotMatch(JSON.stringify(targets), /Jane|555|secret/);
  });

  it('collects ids from top-level and list arguments', () => {
    assert.deepEqual(auditTargets({ survivorId: 's', mergedIds: ['m1', 'm2'] }, argTypes('mergeCustomers')), {
      targetIds: ['s', 'm1', 'm2'],
      fields: ['mergedIds', 'survivorId'],
    });
  });
});
