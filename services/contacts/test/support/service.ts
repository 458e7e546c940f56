import assert from 'node:assert/strict';
import { startServiceForTest, type RunningService } from '@rapport/service-kit';
import { graphqlRequest, TEST_JWT_SECRET, testDatabaseUrl, type GraphQLResponse } from '@rapport/test-kit';
import type { ContactsContext } from '../../src/context.js';
import { contactsService } from '../../src/service.js';

export interface ContactsUnderTest {
  service: RunningService<ContactsContext>;
  url: string;
  /** Every SQL statement run since the last reset, for query-count assertions. */
  statements: string[];
  request(token: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  /** Runs an operation that must succeed and returns its data. */
  ok(token: string, query: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
  stop(): Promise<void>;
}

export async function startContacts(): Promise<ContactsUnderTest> {
  const statements: string[] = [];
  const service = await startServiceForTest(contactsService, {
    databaseUrl: testDatabaseUrl('contacts'),
    jwtSecret: TEST_JWT_SECRET,
    onQuery: (sql) => statements.push(sql),
  });
  const url = `http://127.0.0.1:${service.port}/graphql`;
  const request = (token: string, query: string, variables: Record<string, unknown> = {}) =>
    graphqlRequest(url, query, { token, variables });
  return {
    service,
    url,
    statements,
    request,
    async ok(token, query, variables) {
      const result = await request(token, query, variables);
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      return result.data as Record<string, any>;
    },
    stop: () => service.stop(),
  };
}

/** The first error's code and field, for asserting the one error shape. */
export function errorOf(result: GraphQLResponse): { code: unknown; field: unknown } {
  const extensions = result.errors?.[0]?.extensions ?? {};
  return { code: extensions['code'], field: extensions['field'] };
}

export const CREATE_CUSTOMER = /* GraphQL */ `
  mutation Create($input: CreateCustomerInput!) {
    createCustomer(input: $input) { customer { id name email domain country tags customFields lifecycleStage } }
  }
`;

export async function createCustomer(contacts: ContactsUnderTest, token: string, input: Record<string, unknown>) {
  const data = await contacts.ok(token, CREATE_CUSTOMER, { input });
  return data['createCustomer'].customer as Record<string, any>;
}
