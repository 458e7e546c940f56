import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types are generated from the SDL so resolvers cannot drift from the contract.
const config: CodegenConfig = {
  schema: ['src/schema/*.graphql', 'src/modules/**/*.graphql'],
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context.js#SupportContext',
        mappers: { Customer: '../modules/satisfaction/satisfaction.model.js#CustomerReference' },
        scalars: { DateTime: 'Date | string' },
      },
    },
  },
};
export default config;
