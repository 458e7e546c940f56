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
        contextType: '../context.js#ContactsContext',
        mappers: {
          Customer: '../modules/customer/customer.model.js#CustomerModel',
          DuplicateGroup: '../modules/customer/customer-merge.service.js#DuplicateGroupModel',
          DataQuality: '../modules/data-quality/data-quality.service.js#DataQualityModel',
          DataQualityReport: '../modules/data-quality/data-quality.service.js#DataQualityReportModel',
          Contact: '../modules/contact/contact.model.js#ContactModel',
          Interaction: '../modules/interaction/interaction.model.js#InteractionModel',
          Task: '../modules/task/task.model.js#TaskModel',
          Member: '../modules/member/member.model.js#MemberModel',
          FieldDefinition: '../modules/field-definition/field-definition.model.js#FieldDefinitionModel',
        },
        scalars: { DateTime: 'Date | string', JSON: 'Record<string, unknown>' },
      },
    },
  },
};
export default config;
