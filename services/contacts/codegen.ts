import { subgraphCodegenConfig } from '@rapport/service-kit/codegen';

export default subgraphCodegenConfig({
  context: '../context.js#ContactsContext',
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
  scalars: { JSON: 'Record<string, unknown>' },
});
