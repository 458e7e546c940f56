import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'graphql';
import { composeSupergraph, CompositionError } from '../src/supergraph.js';
import { subgraphsFrom } from '../src/subgraphs.js';

const urls = {
  CONTACTS_URL: 'http://contacts/graphql',
  SALES_PIPELINE_URL: 'http://sales-pipeline/graphql',
  SUPPORT_URL: 'http://support/graphql',
  ANALYTICS_URL: 'http://analytics/graphql',
};

describe('supergraph composition', () => {
  it('composes the four subgraph SDLs with no error and no hint that matters', () => {
    const { supergraphSdl } = composeSupergraph(subgraphsFrom(urls));
    for (const field of ['revenue: RevenueSummary', 'satisfaction: SatisfactionSummary', 'metrics: CustomerMetrics']) {
      assert.ok(supergraphSdl.includes(field), `supergraph lacks ${field}`);
    }
    assert.match(supergraphSdl, /join__graph\(name: "contacts"/);
  });

  it('fails when a subgraph breaks the contract (a shared value type that differs)', () => {
    const subgraphs = subgraphsFrom(urls);
    const broken = parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
      type PageInfo @shareable { hasNextPage: Boolean! endCursor: Int }
      type Customer @key(fields: "id") { id: ID! }
      type Query { brokenPage: PageInfo }
    `);
    assert.throws(
      () => composeSupergraph([...subgraphs, { name: 'broken', url: 'http://broken/graphql', typeDefs: broken }]),
      CompositionError,
    );
  });
});
