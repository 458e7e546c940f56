import { subgraphCodegenConfig } from '@rapport/service-kit/codegen';

export default subgraphCodegenConfig({
  context: '../context.js#SupportContext',
  mappers: { Customer: '../modules/satisfaction/satisfaction.model.js#CustomerReference' },
});
