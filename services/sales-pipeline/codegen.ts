import { subgraphCodegenConfig } from '@rapport/service-kit/codegen';

export default subgraphCodegenConfig({
  context: '../context.js#SalesContext',
  mappers: { Customer: '../modules/revenue/revenue.model.js#CustomerReference' },
});
