// The graphql-codegen configuration every subgraph uses: resolver types generated from the
// service's SDL files, so resolvers cannot drift from the contract. Plain JavaScript so the
// codegen loader needs no build step.

/**
 * @param {{ context: string, mappers?: Record<string, string>, scalars?: Record<string, string> }} options
 *   context: `<module>#<ContextType>` relative to src/generated/; mappers: GraphQL type -> model type.
 */
export function subgraphCodegenConfig({ context, mappers = {}, scalars = {} }) {
  return {
    schema: ['src/schema/*.graphql', 'src/modules/**/*.graphql'],
    generates: {
      'src/generated/graphql.ts': {
        plugins: ['typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          useTypeImports: true,
          enumsAsTypes: true,
          contextType: context,
          mappers,
          scalars: { DateTime: 'Date | string', ...scalars },
        },
      },
    },
  };
}
