import assert from 'node:assert/strict';
import { startServiceForTest, type RunningService } from '@rapport/service-kit';
import { graphqlRequest, TEST_JWT_SECRET, testDatabaseUrl, type GraphQLResponse } from '@rapport/test-kit';
import type { SalesContext } from '../../src/context.js';
import { salesPipelineService } from '../../src/service.js';

export interface SalesUnderTest {
  service: RunningService<SalesContext>;
  /** Every SQL statement run since the last reset, for query-count assertions. */
  statements: string[];
  request(token: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  /** Runs an operation that must succeed and returns its data. */
  ok(token: string, query: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
  /** Rows of a table for a tenant, to prove that a failed mutation wrote nothing. */
  count(table: string, tenantId: string): Promise<number>;
  stop(): Promise<void>;
}

export async function startSales(): Promise<SalesUnderTest> {
  const statements: string[] = [];
  const service = await startServiceForTest(salesPipelineService, {
    databaseUrl: testDatabaseUrl('sales-pipeline'),
    jwtSecret: TEST_JWT_SECRET,
    onQuery: (sql) => statements.push(sql),
  });
  const url = `http://127.0.0.1:${service.port}/graphql`;
  const request = (token: string, query: string, variables: Record<string, unknown> = {}) =>
    graphqlRequest(url, query, { token, variables });
  return {
    service,
    statements,
    request,
    async ok(token, query, variables) {
      const result = await request(token, query, variables);
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      return result.data as Record<string, any>;
    },
    async count(table, tenantId) {
      const [row] = (await service.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId])) as { n: number }[];
      return row?.n ?? 0;
    },
    stop: () => service.stop(),
  };
}

/** The first error's code and field, for asserting the one error shape. */
export function errorOf(result: GraphQLResponse): { code: unknown; field: unknown } {
  const extensions = result.errors?.[0]?.extensions ?? {};
  return { code: extensions['code'], field: extensions['field'] };
}

export const UPSERT_PRODUCT = /* GraphQL */ `
  mutation Upsert($input: UpsertProductInput!) {
    upsertProduct(input: $input) { product { id sku name price { amount currency } recurring } }
  }
`;

export async function createProduct(sales: SalesUnderTest, token: string, input: Record<string, unknown>) {
  const data = await sales.ok(token, UPSERT_PRODUCT, { input: { currency: 'USD', ...input } });
  return data['upsertProduct'].product as Record<string, any>;
}

export const ORDER_FIELDS = 'id customer { id } lines { product { id sku } quantity unitPrice { amount currency } } total { amount currency } placedAt dueAt paidAt paid { amount } balance { amount } status overdue';

export const PLACE_ORDER = /* GraphQL */ `
  mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { order { ${ORDER_FIELDS} } } }
`;

export const RECORD_PAYMENT = /* GraphQL */ `
  mutation Pay($input: RecordPaymentInput!) { recordPayment(input: $input) { order { ${ORDER_FIELDS} } } }
`;

export async function placeOrder(sales: SalesUnderTest, token: string, input: Record<string, unknown>) {
  const data = await sales.ok(token, PLACE_ORDER, { input });
  return data['placeOrder'].order as Record<string, any>;
}

export const DEAL_FIELDS =
  'id title customer { id } amount { amount currency } stage { id name position probability } status ownerId expectedCloseAt closedAt lostReason history { fromStage { id name } toStage { id name } changedAt } createdAt';

export const CREATE_DEAL = /* GraphQL */ `
  mutation Create($input: CreateDealInput!) { createDeal(input: $input) { deal { ${DEAL_FIELDS} } } }
`;

export async function createDeal(sales: SalesUnderTest, token: string, input: Record<string, unknown>) {
  const data = await sales.ok(token, CREATE_DEAL, { input: { title: 'Deal', amount: 1000, currency: 'USD', ...input } });
  return data['createDeal'].deal as Record<string, any>;
}
