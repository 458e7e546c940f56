import { planSeed, summarisePlan, type PlannedCustomer, type PlannedOrder, type SeedOptions } from './plan.js';

export interface SeedTarget {
  /** The gateway's GraphQL endpoint. */
  url: string;
  /** A bearer token with the admin role in the tenant to fill. */
  token: string;
  /** Operations in flight at once; the services, not the client, set the pace. */
  concurrency?: number;
  log?: (line: string) => void;
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

// The gateway allows 20 root fields per operation: one operation carries that many mutations.
const FIELDS_PER_OPERATION = 20;
// Items per call of a bulk mutation: half the services' limit of 1,000, so a call's transaction
// and body stay small enough for a few of them to run side by side.
const BULK_LIST_SIZE = 500;

export class SeedError extends Error {}

function createClient(target: SeedTarget) {
  async function request(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer> {
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
        body: JSON.stringify({ query, variables }),
      });
      // The per-tenant cost limit answers 429 with Retry-After: wait as told, then go on.
      if (response.status === 429 && attempt < 20) {
        await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? 1) * 1000));
        continue;
      }
      const answer = (await response.json()) as GraphQLAnswer;
      if (!answer.data && answer.errors) throw new SeedError(`${answer.errors[0]?.message} (${JSON.stringify(answer.errors[0]?.extensions)})`);
      return answer;
    }
  }

  /**
   * Splits inputs into chunks run a few at a time (the `concurrency` knob) and returns the
   * chunks' results joined in input order.
   */
  async function inChunks<T>(inputs: readonly Record<string, unknown>[], size: number, run: (chunk: Record<string, unknown>[]) => Promise<T[]>): Promise<T[]> {
    const results: T[] = new Array(inputs.length);
    let next = 0;
    const worker = async () => {
      for (;;) {
        const offset = next;
        next += size;
        if (offset >= inputs.length) return;
        const answers = await run(inputs.slice(offset, offset + size));
        answers.forEach((answer, i) => {
          results[offset + i] = answer;
        });
      }
    };
    await Promise.all(Array.from({ length: target.concurrency ?? 3 }, worker));
    return results;
  }

  /**
   * Runs one mutation per input, many per operation, a few operations at a time, and
   * returns each answer's selection in input order. Any rejected input stops the seed.
   */
  function mutateAll<T>(field: string, inputs: readonly Record<string, unknown>[], selection: string): Promise<T[]> {
    const inputType = `${field[0]!.toUpperCase()}${field.slice(1)}Input!`;
    return inChunks(inputs, FIELDS_PER_OPERATION, async (chunk) => {
      const query = `mutation Seed(${chunk.map((_input, i) => `$i${i}: ${inputType}`).join(', ')}) { ${chunk.map((_input, i) => `m${i}: ${field}(input: $i${i}) ${selection}`).join(' ')} }`;
      const answer = await request(query, Object.fromEntries(chunk.map((input, i) => [`i${i}`, input])));
      if (answer.errors?.length) {
        const first = answer.errors[0]!;
        const index = Number(String(first.path?.[0] ?? 'm0').slice(1));
        throw new SeedError(`${field} rejected ${JSON.stringify(chunk[index])}: ${first.message} (${JSON.stringify(first.extensions)})`);
      }
      return chunk.map((_input, i) => answer.data![`m${i}`] as T);
    });
  }

  /**
   * Runs a bulk mutation (`recordInteractions(input: { interactions: [...] })`) on lists of
   * BULK_LIST_SIZE inputs, a few at a time, and returns the created items' selection in
   * input order. A rejected list stops the seed.
   */
  function mutateInLists<T>(field: string, list: string, inputs: readonly Record<string, unknown>[], selection: string): Promise<T[]> {
    const inputType = `${field[0]!.toUpperCase()}${field.slice(1)}Input!`;
    const query = `mutation Seed($input: ${inputType}) { ${field}(input: $input) { ${list} ${selection} } }`;
    return inChunks(inputs, BULK_LIST_SIZE, async (chunk) => {
      const answer = await request(query, { input: { [list]: chunk } });
      // A rejected list has no data, and `request` has already thrown with the error, whose
      // extensions.field names the item (interactions[3].customerId).
      if (answer.errors?.length) throw new SeedError(`${field}: ${answer.errors[0]!.message} (${JSON.stringify(answer.errors[0]!.extensions)})`);
      const created = (answer.data![field] as Record<string, T[]>)[list]!;
      if (created.length !== chunk.length) throw new SeedError(`${field} answered ${created.length} ${list} for ${chunk.length}`);
      return created;
    });
  }

  return { request, mutateAll, mutateInLists };
}

type Id = { id: string };
const idOf = (payload: Record<string, Id>) => Object.values(payload)[0]!.id;

/**
 * Creates the planned tenant through the public graph, as a client would: every record goes
 * through the owning service's mutation (and so its validation, events and automations).
 */
export async function runSeed(options: SeedOptions, target: SeedTarget): Promise<Record<string, number>> {
  const log = target.log ?? ((line: string) => console.log(line));
  const plan = planSeed(options);
  const summary = summarisePlan(plan);
  log(`seed ${options.seed}: ${Object.entries(summary).map(([name, count]) => `${count} ${name}`).join(', ')}`);
  const { request, mutateAll, mutateInLists } = createClient(target);
  const started = Date.now();

  /**
   * importOrders in calls of at most 5,000 rows. Sales-pipeline knows a customer's external id
   * from contacts' events, which may still be on their way: rows it does not know yet are sent
   * again after a pause; any other rejection stops the seed.
   */
  const importOrders = async (rows: { customerExternalId: string; externalId: string; order: PlannedOrder }[], skus: string[]) => {
    let pending = rows;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      const retry: typeof rows = [];
      for (let offset = 0; offset < pending.length; ) {
        // Whole orders per call: their lines must stay together and consecutive.
        const chunk: typeof rows = [];
        let lines = 0;
        while (offset < pending.length && lines + pending[offset]!.order.lines.length <= 5_000) {
          lines += pending[offset]!.order.lines.length;
          chunk.push(pending[offset]!);
          offset += 1;
        }
        const rowOrder: number[] = [];
        const csv = ['orderExternalId,customerExternalId,placedAt,currency,sku,quantity'];
        chunk.forEach((row, index) => {
          for (const line of row.order.lines) {
            csv.push([row.externalId, row.customerExternalId, row.order.placedAt, currency, skus[line.product], line.quantity].join(','));
            rowOrder.push(index);
          }
        });
        const answer = await request(
          'mutation SeedOrders($input: ImportOrdersInput!) { importOrders(input: $input) { received imported updated rejected { row field reason } } }',
          { input: { csv: csv.join('\n'), createCustomers: false } },
        );
        if (answer.errors?.length) throw new SeedError(`importOrders: ${answer.errors[0]!.message}`);
        const report = (answer.data as { importOrders: { rejected: { row: number; field: string | null; reason: string }[] } }).importOrders;
        const again = new Set<number>();
        for (const rejection of report.rejected) {
          const index = rowOrder[rejection.row - 1]!;
          if (attempt < 30 && /customer/i.test(`${rejection.field ?? ''} ${rejection.reason}`)) again.add(index);
          else throw new SeedError(`importOrders rejected row ${rejection.row} (${rejection.field ?? ''}): ${rejection.reason}`);
        }
        for (const index of again) retry.push(chunk[index]!);
      }
      pending = retry;
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  };
  const step = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const result = await run();
    log(`  ${label} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    return result;
  };
  const currency = 'USD';

  const members = (
    await step('members', () =>
      mutateAll<Record<string, Id>>('upsertMember', plan.members.map((m) => ({ name: m.name, email: m.email, team: m.team, territories: m.territories, skills: m.skills, available: true })), '{ member { id } }'),
    )
  ).map(idOf);
  const products = (
    await step('products', () =>
      mutateAll<Record<string, Id>>('upsertProduct', plan.products.map((p) => ({ sku: p.sku, name: p.name, price: p.price, currency, recurring: p.recurring })), '{ product { id } }'),
    )
  ).map(idOf);
  const [pipeline] = await step('pipeline', () =>
    mutateAll<{ pipeline: { id: string; stages: { id: string; position: number }[] } }>(
      'createPipeline',
      [{ name: `Sales (seed ${options.seed})`, stages: plan.stages }],
      '{ pipeline { id stages { id position } } }',
    ),
  );
  const pipelineId = pipeline!.pipeline.id;
  const stageIds = [...pipeline!.pipeline.stages].sort((a, b) => a.position - b.position).map((stage) => stage.id);
  await step('SLA policies', () =>
    mutateAll('upsertSlaPolicy', [
      { priority: 'LOW', firstResponseMinutes: 480, resolutionMinutes: 2880 },
      { priority: 'NORMAL', firstResponseMinutes: 240, resolutionMinutes: 1440 },
      { priority: 'HIGH', firstResponseMinutes: 60, resolutionMinutes: 480 },
      { priority: 'URGENT', firstResponseMinutes: 15, resolutionMinutes: 240 },
    ], '{ slaPolicy { id } }'),
  );
  const campaigns = (
    await step('campaigns', () =>
      mutateAll<Record<string, Id>>('upsertCampaign', plan.campaigns.map((c) => ({ name: c.name, channel: c.channel, currency })), '{ campaign { id } }'),
    )
  ).map(idOf);
  await step('campaign spend', () =>
    mutateAll('recordCampaignSpend', plan.campaigns.flatMap((c, i) => c.monthlySpend.map((spend) => ({ campaignId: campaigns[i], currency, ...spend }))), '{ campaign { id } }'),
  );

  const customers = (
    await step('customers', () =>
      mutateAll<Record<string, Id>>(
        'createCustomer',
        plan.customers.map((c) => ({
          name: c.name,
          kind: c.kind,
          email: c.email,
          domain: c.domain,
          industry: c.industry,
          country: c.country,
          ownerId: members[c.owner],
          tags: c.tags,
          source: c.source,
          externalId: c.externalId,
        })),
        '{ customer { id } }',
      ),
    )
  ).map(idOf);
  const each = <T>(pick: (customer: PlannedCustomer, customerId: string) => T[]): T[] => plan.customers.flatMap((customer, index) => pick(customer, customers[index]!));

  await step('contacts', () =>
    mutateInLists('addContacts', 'contacts', each((c, customerId) => c.contacts.map((contact) => ({ customerId, ...contact, phoneConsent: contact.phone !== null }))), '{ id }'),
  );
  await step('interactions', () =>
    mutateInLists('recordInteractions', 'interactions', each((c, customerId) => c.interactions.map((interaction) => ({ customerId, ...interaction }))), '{ id }'),
  );

  const convertedLeads = each((c, customerId) => (c.lead ? [{ customerId, customer: c, campaign: c.lead.campaign }] : []));
  const leadIds = (
    await step('leads', () =>
      mutateAll<Record<string, Id>>(
        'createLead',
        [
          ...convertedLeads.map(({ customer, campaign }) => ({ name: customer.contacts[0]!.firstName + ' ' + (customer.contacts[0]!.lastName ?? ''), email: customer.contacts[0]!.email, company: customer.kind === 'BUSINESS' ? customer.name : null, country: customer.country, industry: customer.industry, source: customer.source, campaignId: campaigns[campaign] })),
          ...plan.openLeads.map((lead) => ({ name: lead.name, email: lead.email, company: lead.company, country: lead.country, source: plan.campaigns[lead.campaign]!.channel, campaignId: campaigns[lead.campaign] })),
        ],
        '{ lead { id } }',
      ),
    )
  ).map(idOf);
  await step('lead conversions', () => mutateAll('convertLead', convertedLeads.map(({ customerId }, i) => ({ leadId: leadIds[i], customerId })), '{ lead { id } }'));

  const deals = each((c, customerId) => c.deals.map((deal) => ({ customerId, deal })));
  const dealIds = (
    await step('deals', () =>
      mutateAll<Record<string, Id>>(
        'createDeal',
        deals.map(({ customerId, deal }) => ({ customerId, title: deal.title, amount: deal.amount, currency, pipelineId, stageId: stageIds[0], ownerId: members[deal.owner], expectedCloseAt: deal.expectedCloseAt })),
        '{ deal { id } }',
      ),
    )
  ).map(idOf);
  // Stage moves one round at a time, so every deal's history keeps its order.
  for (let round = 0; round < plan.stages.length; round += 1) {
    const moves = deals.flatMap(({ deal }, i) => (deal.moves[round] !== undefined && stageIds[deal.moves[round]!] ? [{ dealId: dealIds[i], stageId: stageIds[deal.moves[round]!] }] : []));
    if (moves.length > 0) await step(`deal moves, round ${round + 1}`, () => mutateAll('moveDeal', moves, '{ deal { id } }'));
  }
  await step('deals won', () => mutateAll('winDeal', deals.flatMap(({ deal }, i) => (deal.outcome === 'WON' ? [{ dealId: dealIds[i] }] : [])), '{ deal { id } }'));
  await step('deals lost', () => mutateAll('loseDeal', deals.flatMap(({ deal }, i) => (deal.outcome === 'LOST' ? [{ dealId: dealIds[i], reason: deal.lostReason }] : [])), '{ deal { id } }'));

  // Orders paid on time go through sales-pipeline's bulk path (importOrders places and pays
  // them at placedAt); late and unpaid ones need their own dates, so they go one by one.
  const onTime = plan.customers.flatMap((c) =>
    c.orders.flatMap((order, n) => (order.paidAt !== null && order.paidAt <= order.dueAt ? [{ customer: c, order, externalId: `${c.externalId}-o${n}` }] : [])),
  );
  await step(`orders paid on time, imported (${onTime.length})`, () => importOrders(onTime.map(({ customer, order, externalId }) => ({ customerExternalId: customer.externalId, order, externalId })), plan.products.map((p) => p.sku)));
  const orders = each((c, customerId) => c.orders.flatMap((order) => (order.paidAt !== null && order.paidAt <= order.dueAt ? [] : [{ customerId, order }])));
  const placed = await step('orders paid late or unpaid', () =>
    mutateAll<{ order: { id: string; total: { amount: number } } }>(
      'placeOrder',
      orders.map(({ customerId, order }) => ({ customerId, placedAt: order.placedAt, dueAt: order.dueAt, lines: order.lines.map((line) => ({ productId: products[line.product], quantity: line.quantity })) })),
      '{ order { id total { amount } } }',
    ),
  );
  await step('late payments', () =>
    mutateAll('recordPayment', orders.flatMap(({ order }, i) => (order.paidAt ? [{ orderId: placed[i]!.order.id, amount: placed[i]!.order.total.amount, paidAt: order.paidAt }] : [])), '{ order { id } }'),
  );

  const subscriptions = each((c, customerId) => c.subscriptions.map((subscription) => ({ customerId, subscription })));
  const subscriptionIds = (
    await step('subscriptions', () =>
      mutateAll<Record<string, Id>>(
        'startSubscription',
        subscriptions.map(({ customerId, subscription }) => ({ customerId, productId: products[subscription.product], mrr: subscription.mrr, currency, startedAt: subscription.startedAt })),
        '{ subscription { id } }',
      ),
    )
  ).map(idOf);
  await step('subscription changes', () =>
    mutateAll('changeSubscription', subscriptions.flatMap(({ subscription }, i) => subscription.changes.map((change) => ({ subscriptionId: subscriptionIds[i], ...change }))), '{ subscription { id } }'),
  );
  await step('subscription ends', () =>
    mutateAll('endSubscription', subscriptions.flatMap(({ subscription }, i) => (subscription.endedAt ? [{ subscriptionId: subscriptionIds[i], endedAt: subscription.endedAt }] : [])), '{ subscription { id } }'),
  );

  const tickets = each((c, customerId) => c.tickets.map((ticket) => ({ customerId, ticket })));
  const ticketIds = (
    await step('tickets', () =>
      mutateAll<Record<string, Id>>(
        'openTicket',
        tickets.map(({ customerId, ticket }) => ({ customerId, subject: ticket.subject, description: `${ticket.subject} (seeded)`, priority: ticket.priority, channel: ticket.channel })),
        '{ ticket { id } }',
      ),
    )
  ).map(idOf);
  const maxComments = Math.max(0, ...tickets.map(({ ticket }) => ticket.comments.length));
  for (let round = 0; round < maxComments; round += 1) {
    await step(`ticket comments, round ${round + 1}`, () =>
      mutateAll('commentOnTicket', tickets.flatMap(({ ticket }, i) => (ticket.comments[round] ? [{ ticketId: ticketIds[i], ...ticket.comments[round] }] : [])), '{ ticket { id } }'),
    );
  }
  await step('tickets resolved', () => mutateAll('resolveTicket', tickets.flatMap(({ ticket }, i) => (ticket.resolved ? [{ ticketId: ticketIds[i] }] : [])), '{ ticket { id } }'));

  // Resolutions (and the services' own automations) sent survey invitations: answer some.
  const scores = new Map(plan.customers.map((c, i) => [customers[i]!, { csat: c.tickets.find((t) => t.csat !== null)?.csat ?? null, nps: c.nps }]));
  const answers: { invitationId: string; score: number }[] = [];
  await step('survey invitations read', async () => {
    let after: string | null = null;
    for (;;) {
      const answer = await request(
        'query SeedInvitations($after: String) { surveyInvitations(first: 100, after: $after) { edges { node { id kind answeredAt customer { id } } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      const page = (answer.data as { surveyInvitations: { edges: { node: { id: string; kind: string; answeredAt: string | null; customer: Id } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }).surveyInvitations;
      for (const { node } of page.edges) {
        const planned = scores.get(node.customer.id);
        if (!planned || node.answeredAt) continue;
        if (node.kind === 'CSAT' && planned.csat !== null) answers.push({ invitationId: node.id, score: planned.csat });
        if (node.kind === 'NPS') answers.push({ invitationId: node.id, score: planned.nps });
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
  });
  await step('survey answers', () => mutateAll('answerSurvey', answers, '{ surveyResponse { id } }'));

  log(`seeded ${customers.length} customers in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return { ...summary, surveyAnswers: answers.length };
}
