import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startServiceForTest, withTenant, type RunningService } from '@rapport/service-kit';
import { graphqlRequest, TEST_JWT_SECRET, testDatabaseUrl, type GraphQLResponse } from '@rapport/test-kit';
import type { Clock } from '../../src/clock.js';
import { createSupportServices, type SupportContext } from '../../src/context.js';
import { createSupportService } from '../../src/service.js';

/** A clock a test sets by hand; it reads the system time until set. */
export class TestClock implements Clock {
  private current: Date | undefined;
  now(): Date {
    return new Date(this.current ?? Date.now());
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

export interface SupportUnderTest {
  service: RunningService<SupportContext>;
  clock: TestClock;
  /** The rules the timers run, for a test to call as of the clock's time. */
  jobs: ReturnType<typeof createSupportServices>;
  /** Every SQL statement run since the last reset, for query-count assertions. */
  statements: string[];
  request(token: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  /** Runs an operation that must succeed and returns its data. */
  ok(token: string, query: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
  stop(): Promise<void>;
}

/** The service with a test clock and no timers: tests run the time-driven jobs themselves, for their tenant only. */
export async function startSupport(options: { quietDays?: number } = {}): Promise<SupportUnderTest> {
  const clock = new TestClock();
  const statements: string[] = [];
  const service = await startServiceForTest(createSupportService({ clock, timerIntervalMs: null, ...options }), {
    databaseUrl: testDatabaseUrl('support'),
    jwtSecret: TEST_JWT_SECRET,
    onQuery: (sql) => statements.push(sql),
  });
  const url = `http://127.0.0.1:${service.port}/graphql`;
  const request = (token: string, query: string, variables: Record<string, unknown> = {}) => graphqlRequest(url, query, { token, variables });
  return {
    service,
    clock,
    jobs: createSupportServices({ dataSource: service.dataSource }, { clock, ...options }),
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

export const TICKET_FIELDS = 'id customer { id } subject description priority status channel assigneeId createdAt firstResponseAt resolvedAt slaBreached';

export const OPEN_TICKET = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { ${TICKET_FIELDS} } } }`;
export const COMMENT = `mutation($input: CommentOnTicketInput!) { commentOnTicket(input: $input) { ticket { ${TICKET_FIELDS} comments { id body public authorId createdAt } } } }`;
export const ASSIGN = `mutation($input: AssignTicketInput!) { assignTicket(input: $input) { ticket { ${TICKET_FIELDS} } } }`;
export const RESOLVE = `mutation($input: ResolveTicketInput!) { resolveTicket(input: $input) { ticket { ${TICKET_FIELDS} } } }`;
export const REOPEN = `mutation($input: ReopenTicketInput!) { reopenTicket(input: $input) { ticket { ${TICKET_FIELDS} } } }`;
export const SET_PENDING = `mutation($input: SetTicketPendingInput!) { setTicketPending(input: $input) { ticket { ${TICKET_FIELDS} } } }`;
export const UPSERT_POLICY = `mutation($input: UpsertSlaPolicyInput!) { upsertSlaPolicy(input: $input) { slaPolicy { id priority firstResponseMinutes resolutionMinutes } } }`;
export const TICKET = `query($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`;

export async function openTicket(support: SupportUnderTest, token: string, input: Record<string, unknown>) {
  const data = await support.ok(token, OPEN_TICKET, { input: { subject: 'Cannot log in', ...input } });
  return data['openTicket'].ticket as Record<string, any>;
}

/**
 * A contact of the customer who consented to email, as support learns it from contacts'
 * ContactAdded (tests/automations.test.ts covers that path through the broker): surveys go only
 * to such customers.
 */
export async function giveEmailConsent(support: SupportUnderTest, tenantId: string, customerId: string): Promise<void> {
  await withTenant(support.service.dataSource, tenantId, (scope) =>
    scope.manager.query(
      `INSERT INTO contact_consents (tenant_id, contact_id, customer_id, email_consent, consent_updated_at) VALUES ($1, $2, $3, true, now())`,
      [tenantId, randomUUID(), customerId],
    ),
  );
}
