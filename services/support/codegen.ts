import { subgraphCodegenConfig } from '@rapport/service-kit/codegen';

export default subgraphCodegenConfig({
  context: '../context.js#SupportContext',
  mappers: {
    Customer: '../modules/satisfaction/satisfaction.model.js#CustomerReference',
    Ticket: '../modules/ticket/ticket.model.js#TicketModel',
    TicketComment: '../modules/ticket/ticket.model.js#TicketCommentModel',
    SlaPolicy: '../modules/sla/sla.model.js#SlaPolicyModel',
    BusinessHours: '../modules/sla/sla.model.js#BusinessHoursModel',
    SurveyInvitation: '../modules/survey/survey.model.js#SurveyInvitationModel',
    SurveyResponse: '../modules/survey/survey.model.js#SurveyResponseModel',
  },
});
