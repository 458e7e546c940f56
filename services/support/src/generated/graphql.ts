import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerReference } from '../modules/satisfaction/satisfaction.model.js';
import type { TicketModel, TicketCommentModel } from '../modules/ticket/ticket.model.js';
import type { SlaPolicyModel, BusinessHoursModel } from '../modules/sla/sla.model.js';
import type { SurveyInvitationModel, SurveyResponseModel } from '../modules/survey/survey.model.js';
import type { SupportContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: Date | string; output: Date | string; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type AnswerSurveyInput = {
  comment?: InputMaybe<Scalars['String']['input']>;
  invitationId: Scalars['ID']['input'];
  /** CSAT 1-5, NPS 0-10, CES 1-5. */
  score: Scalars['Int']['input'];
};

export type AssignTicketInput = {
  /** Null unassigns. */
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  ticketId: Scalars['ID']['input'];
};

/** The tenant's working week, in UTC. */
export type BusinessHours = {
  __typename?: 'BusinessHours';
  /** HH:MM, UTC; after start. */
  end: Scalars['String']['output'];
  /** HH:MM, UTC. */
  start: Scalars['String']['output'];
  /** ISO weekdays: 1 = Monday .. 7 = Sunday. */
  weekdays: Array<Scalars['Int']['output']>;
};

export type BusinessHoursPayload = {
  __typename?: 'BusinessHoursPayload';
  businessHours: BusinessHours;
};

export type CommentOnTicketInput = {
  body: Scalars['String']['input'];
  /** True (the default) answers the customer; false is an internal note. */
  public?: InputMaybe<Scalars['Boolean']['input']>;
  ticketId: Scalars['ID']['input'];
};

export type Customer = {
  __typename?: 'Customer';
  id: Scalars['ID']['output'];
  /** Null only when this subgraph cannot answer; responses 0 when the customer has no answers. */
  satisfaction?: Maybe<SatisfactionSummary>;
  /** Newest first; every status when status is omitted. */
  tickets?: Maybe<TicketConnection>;
};


export type CustomerTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<TicketStatus>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** One answer per invitation; NPS 0-6 or CSAT 1-2 also publishes FollowUpRequested. */
  answerSurvey: SurveyResponsePayload;
  assignTicket: TicketPayload;
  /** The first public comment of a member is the first response (TicketFirstResponded); a CLOSED ticket takes no comments. */
  commentOnTicket: TicketPayload;
  /** Opens a NEW ticket; publishes TicketOpened. */
  openTicket: TicketPayload;
  /** A RESOLVED ticket back to OPEN. */
  reopenTicket: TicketPayload;
  /** Resolving a resolved ticket changes nothing; a CLOSED ticket cannot be resolved. */
  resolveTicket: TicketPayload;
  /** Waiting on the customer (PENDING) or back to OPEN; SLA clocks stand still while PENDING. */
  setTicketPending: TicketPayload;
  /** Re-times open tickets to the new calendar. */
  upsertBusinessHours: BusinessHoursPayload;
  /** One policy per priority: a second upsert replaces the targets and re-times open tickets. */
  upsertSlaPolicy: SlaPolicyPayload;
};


export type MutationAnswerSurveyArgs = {
  input: AnswerSurveyInput;
};


export type MutationAssignTicketArgs = {
  input: AssignTicketInput;
};


export type MutationCommentOnTicketArgs = {
  input: CommentOnTicketInput;
};


export type MutationOpenTicketArgs = {
  input: OpenTicketInput;
};


export type MutationReopenTicketArgs = {
  input: ReopenTicketInput;
};


export type MutationResolveTicketArgs = {
  input: ResolveTicketInput;
};


export type MutationSetTicketPendingArgs = {
  input: SetTicketPendingInput;
};


export type MutationUpsertBusinessHoursArgs = {
  input: UpsertBusinessHoursInput;
};


export type MutationUpsertSlaPolicyArgs = {
  input: UpsertSlaPolicyInput;
};

export type OpenTicketInput = {
  /** email when omitted. */
  channel?: InputMaybe<Scalars['String']['input']>;
  customerId: Scalars['ID']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  /** NORMAL when omitted. */
  priority?: InputMaybe<TicketPriority>;
  subject: Scalars['String']['input'];
};

/** Pagination state of a Relay connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Monday to Friday 09:00-18:00 UTC until the tenant sets its own. */
  businessHours: BusinessHours;
  /** One per priority that has one, LOW first. */
  slaPolicies: Array<SlaPolicy>;
  /** Newest first. */
  surveyInvitations: SurveyInvitationConnection;
  /** Null when no such ticket exists in the caller's workspace. */
  ticket?: Maybe<Ticket>;
  /** Newest first. */
  tickets: TicketConnection;
};


export type QuerySurveyInvitationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTicketArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ReopenTicketInput = {
  ticketId: Scalars['ID']['input'];
};

export type ResolveTicketInput = {
  ticketId: Scalars['ID']['input'];
};

/** How satisfied a customer says they are, from survey answers. */
export type SatisfactionSummary = {
  __typename?: 'SatisfactionSummary';
  /** Mean customer effort score, 1-5; null without CES answers. */
  ces?: Maybe<Scalars['Float']['output']>;
  /** Share of CSAT answers scoring 4 or 5, 0-100; null without CSAT answers. */
  csat?: Maybe<Scalars['Float']['output']>;
  lastNpsScore?: Maybe<Scalars['Int']['output']>;
  /** Net promoter score, -100..100; null without NPS answers. */
  nps?: Maybe<Scalars['Int']['output']>;
  responses: Scalars['Int']['output'];
};

export type SetTicketPendingInput = {
  /** True: waiting on the customer (PENDING); false: back to OPEN. */
  pending: Scalars['Boolean']['input'];
  ticketId: Scalars['ID']['input'];
};

/** Targets of one priority, in business minutes (PENDING time not counted). */
export type SlaPolicy = {
  __typename?: 'SlaPolicy';
  firstResponseMinutes: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  priority: TicketPriority;
  resolutionMinutes: Scalars['Int']['output'];
};

export type SlaPolicyPayload = {
  __typename?: 'SlaPolicyPayload';
  slaPolicy: SlaPolicy;
};

/** An invitation to a short survey, created by what the customer did (never by a calendar). */
export type SurveyInvitation = {
  __typename?: 'SurveyInvitation';
  answeredAt?: Maybe<Scalars['DateTime']['output']>;
  customer: Customer;
  id: Scalars['ID']['output'];
  kind: SurveyKind;
  sentAt: Scalars['DateTime']['output'];
  /** What caused it: TICKET_RESOLVED (CSAT), TICKET_RESOLVED_AFTER_REOPEN (CES). */
  trigger: Scalars['String']['output'];
};

export type SurveyInvitationConnection = {
  __typename?: 'SurveyInvitationConnection';
  edges: Array<SurveyInvitationEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SurveyInvitationEdge = {
  __typename?: 'SurveyInvitationEdge';
  cursor: Scalars['String']['output'];
  node: SurveyInvitation;
};

export type SurveyKind =
  | 'CES'
  | 'CSAT'
  | 'NPS';

export type SurveyResponse = {
  __typename?: 'SurveyResponse';
  answeredAt: Scalars['DateTime']['output'];
  /** Not readable with the analyst role. */
  comment?: Maybe<Scalars['String']['output']>;
  customer: Customer;
  id: Scalars['ID']['output'];
  kind: SurveyKind;
  score: Scalars['Int']['output'];
};

export type SurveyResponsePayload = {
  __typename?: 'SurveyResponsePayload';
  surveyResponse: SurveyResponse;
};

/** A customer's request to the support team. */
export type Ticket = {
  __typename?: 'Ticket';
  assigneeId?: Maybe<Scalars['ID']['output']>;
  channel: Scalars['String']['output'];
  /** Oldest first; not readable with the analyst role. */
  comments: Array<TicketComment>;
  createdAt: Scalars['DateTime']['output'];
  customer: Customer;
  /** The customer's text; not readable with the analyst role. */
  description?: Maybe<Scalars['String']['output']>;
  firstResponseAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  priority: TicketPriority;
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whether a first-response or resolution target of the priority's SLA policy is missed, as of now. */
  slaBreached: Scalars['Boolean']['output'];
  status: TicketStatus;
  subject: Scalars['String']['output'];
};

export type TicketComment = {
  __typename?: 'TicketComment';
  authorId: Scalars['ID']['output'];
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Public comments reach the customer; internal ones stay with the team. */
  public: Scalars['Boolean']['output'];
};

export type TicketConnection = {
  __typename?: 'TicketConnection';
  edges: Array<TicketEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type TicketEdge = {
  __typename?: 'TicketEdge';
  cursor: Scalars['String']['output'];
  node: Ticket;
};

export type TicketFilter = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  /** True: tickets whose SLA is missed as of now; false: the others. */
  breached?: InputMaybe<Scalars['Boolean']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  priority?: InputMaybe<TicketPriority>;
  status?: InputMaybe<TicketStatus>;
};

export type TicketPayload = {
  __typename?: 'TicketPayload';
  ticket: Ticket;
};

export type TicketPriority =
  | 'HIGH'
  | 'LOW'
  | 'NORMAL'
  | 'URGENT';

/** NEW until the first response; PENDING waits on the customer (SLA clocks stand still); CLOSED is final. */
export type TicketStatus =
  | 'CLOSED'
  | 'NEW'
  | 'OPEN'
  | 'PENDING'
  | 'RESOLVED';

export type UpsertBusinessHoursInput = {
  end: Scalars['String']['input'];
  start: Scalars['String']['input'];
  weekdays: Array<Scalars['Int']['input']>;
};

export type UpsertSlaPolicyInput = {
  firstResponseMinutes: Scalars['Int']['input'];
  priority: TicketPriority;
  resolutionMinutes: Scalars['Int']['input'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Customer: Customer;
  Ticket: Ticket;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Ticket:
    ( { __typename: 'Ticket' }
    & GraphQLRecursivePick<FederationTypes['Ticket'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AnswerSurveyInput: AnswerSurveyInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AssignTicketInput: AssignTicketInput;
  BusinessHours: ResolverTypeWrapper<BusinessHoursModel>;
  BusinessHoursPayload: ResolverTypeWrapper<Omit<BusinessHoursPayload, 'businessHours'> & { businessHours: ResolversTypes['BusinessHours'] }>;
  CommentOnTicketInput: CommentOnTicketInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Customer: ResolverTypeWrapper<CustomerReference>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OpenTicketInput: OpenTicketInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReopenTicketInput: ReopenTicketInput;
  ResolveTicketInput: ResolveTicketInput;
  SatisfactionSummary: ResolverTypeWrapper<SatisfactionSummary>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  SetTicketPendingInput: SetTicketPendingInput;
  SlaPolicy: ResolverTypeWrapper<SlaPolicyModel>;
  SlaPolicyPayload: ResolverTypeWrapper<Omit<SlaPolicyPayload, 'slaPolicy'> & { slaPolicy: ResolversTypes['SlaPolicy'] }>;
  SurveyInvitation: ResolverTypeWrapper<SurveyInvitationModel>;
  SurveyInvitationConnection: ResolverTypeWrapper<Omit<SurveyInvitationConnection, 'edges'> & { edges: Array<ResolversTypes['SurveyInvitationEdge']> }>;
  SurveyInvitationEdge: ResolverTypeWrapper<Omit<SurveyInvitationEdge, 'node'> & { node: ResolversTypes['SurveyInvitation'] }>;
  SurveyKind: SurveyKind;
  SurveyResponse: ResolverTypeWrapper<SurveyResponseModel>;
  SurveyResponsePayload: ResolverTypeWrapper<Omit<SurveyResponsePayload, 'surveyResponse'> & { surveyResponse: ResolversTypes['SurveyResponse'] }>;
  Ticket: ResolverTypeWrapper<TicketModel>;
  TicketComment: ResolverTypeWrapper<TicketCommentModel>;
  TicketConnection: ResolverTypeWrapper<Omit<TicketConnection, 'edges'> & { edges: Array<ResolversTypes['TicketEdge']> }>;
  TicketEdge: ResolverTypeWrapper<Omit<TicketEdge, 'node'> & { node: ResolversTypes['Ticket'] }>;
  TicketFilter: TicketFilter;
  TicketPayload: ResolverTypeWrapper<Omit<TicketPayload, 'ticket'> & { ticket: ResolversTypes['Ticket'] }>;
  TicketPriority: TicketPriority;
  TicketStatus: TicketStatus;
  UpsertBusinessHoursInput: UpsertBusinessHoursInput;
  UpsertSlaPolicyInput: UpsertSlaPolicyInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AnswerSurveyInput: AnswerSurveyInput;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  AssignTicketInput: AssignTicketInput;
  BusinessHours: BusinessHoursModel;
  BusinessHoursPayload: Omit<BusinessHoursPayload, 'businessHours'> & { businessHours: ResolversParentTypes['BusinessHours'] };
  CommentOnTicketInput: CommentOnTicketInput;
  Boolean: Scalars['Boolean']['output'];
  Customer: CustomerReference;
  DateTime: Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  OpenTicketInput: OpenTicketInput;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  ReopenTicketInput: ReopenTicketInput;
  ResolveTicketInput: ResolveTicketInput;
  SatisfactionSummary: SatisfactionSummary;
  Float: Scalars['Float']['output'];
  SetTicketPendingInput: SetTicketPendingInput;
  SlaPolicy: SlaPolicyModel;
  SlaPolicyPayload: Omit<SlaPolicyPayload, 'slaPolicy'> & { slaPolicy: ResolversParentTypes['SlaPolicy'] };
  SurveyInvitation: SurveyInvitationModel;
  SurveyInvitationConnection: Omit<SurveyInvitationConnection, 'edges'> & { edges: Array<ResolversParentTypes['SurveyInvitationEdge']> };
  SurveyInvitationEdge: Omit<SurveyInvitationEdge, 'node'> & { node: ResolversParentTypes['SurveyInvitation'] };
  SurveyResponse: SurveyResponseModel;
  SurveyResponsePayload: Omit<SurveyResponsePayload, 'surveyResponse'> & { surveyResponse: ResolversParentTypes['SurveyResponse'] };
  Ticket: TicketModel;
  TicketComment: TicketCommentModel;
  TicketConnection: Omit<TicketConnection, 'edges'> & { edges: Array<ResolversParentTypes['TicketEdge']> };
  TicketEdge: Omit<TicketEdge, 'node'> & { node: ResolversParentTypes['Ticket'] };
  TicketFilter: TicketFilter;
  TicketPayload: Omit<TicketPayload, 'ticket'> & { ticket: ResolversParentTypes['Ticket'] };
  UpsertBusinessHoursInput: UpsertBusinessHoursInput;
  UpsertSlaPolicyInput: UpsertSlaPolicyInput;
};

export type BusinessHoursResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['BusinessHours'] = ResolversParentTypes['BusinessHours']> = {
  end?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weekdays?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type BusinessHoursPayloadResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['BusinessHoursPayload'] = ResolversParentTypes['BusinessHoursPayload']> = {
  businessHours?: Resolver<ResolversTypes['BusinessHours'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  satisfaction?: Resolver<Maybe<ResolversTypes['SatisfactionSummary']>, ParentType, ContextType>;
  tickets?: Resolver<Maybe<ResolversTypes['TicketConnection']>, ParentType, ContextType, RequireFields<CustomerTicketsArgs, 'first'>>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  answerSurvey?: Resolver<ResolversTypes['SurveyResponsePayload'], ParentType, ContextType, RequireFields<MutationAnswerSurveyArgs, 'input'>>;
  assignTicket?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationAssignTicketArgs, 'input'>>;
  commentOnTicket?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationCommentOnTicketArgs, 'input'>>;
  openTicket?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationOpenTicketArgs, 'input'>>;
  reopenTicket?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationReopenTicketArgs, 'input'>>;
  resolveTicket?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationResolveTicketArgs, 'input'>>;
  setTicketPending?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationSetTicketPendingArgs, 'input'>>;
  upsertBusinessHours?: Resolver<ResolversTypes['BusinessHoursPayload'], ParentType, ContextType, RequireFields<MutationUpsertBusinessHoursArgs, 'input'>>;
  upsertSlaPolicy?: Resolver<ResolversTypes['SlaPolicyPayload'], ParentType, ContextType, RequireFields<MutationUpsertSlaPolicyArgs, 'input'>>;
};

export type PageInfoResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  businessHours?: Resolver<ResolversTypes['BusinessHours'], ParentType, ContextType>;
  slaPolicies?: Resolver<Array<ResolversTypes['SlaPolicy']>, ParentType, ContextType>;
  surveyInvitations?: Resolver<ResolversTypes['SurveyInvitationConnection'], ParentType, ContextType, RequireFields<QuerySurveyInvitationsArgs, 'first'>>;
  ticket?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType, RequireFields<QueryTicketArgs, 'id'>>;
  tickets?: Resolver<ResolversTypes['TicketConnection'], ParentType, ContextType, RequireFields<QueryTicketsArgs, 'first'>>;
};

export type SatisfactionSummaryResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['SatisfactionSummary'] = ResolversParentTypes['SatisfactionSummary']> = {
  ces?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  csat?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lastNpsScore?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nps?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  responses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SlaPolicyResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['SlaPolicy'] = ResolversParentTypes['SlaPolicy']> = {
  firstResponseMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['TicketPriority'], ParentType, ContextType>;
  resolutionMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SlaPolicyPayloadResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['SlaPolicyPayload'] = ResolversParentTypes['SlaPolicyPayload']> = {
  slaPolicy?: Resolver<ResolversTypes['SlaPolicy'], ParentType, ContextType>;
};

export type SurveyInvitationResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['SurveyInvitation'] = ResolversParentTypes['SurveyInvitation']> = {
  answeredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SurveyKind'], ParentType, ContextType>;
  sentAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  trigger?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SurveyInvitationConnectionResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['SurveyInvitationConnection'] = ResolversParentTypes['SurveyInvitationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SurveyInvitationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SurveyInvitationEdgeResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['SurveyInvitationEdge'] = ResolversParentTypes['SurveyInvitationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SurveyInvitation'], ParentType, ContextType>;
};

export type SurveyResponseResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['SurveyResponse'] = ResolversParentTypes['SurveyResponse']> = {
  answeredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SurveyKind'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SurveyResponsePayloadResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['SurveyResponsePayload'] = ResolversParentTypes['SurveyResponsePayload']> = {
  surveyResponse?: Resolver<ResolversTypes['SurveyResponse'], ParentType, ContextType>;
};

export type TicketResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['Ticket'] = ResolversParentTypes['Ticket'], FederationReferenceType extends FederationReferenceTypes['Ticket'] = FederationReferenceTypes['Ticket']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Ticket']> | FederationReferenceType, FederationReferenceType, ContextType>;
  assigneeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  comments?: Resolver<Array<ResolversTypes['TicketComment']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstResponseAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['TicketPriority'], ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  slaBreached?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TicketStatus'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TicketCommentResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['TicketComment'] = ResolversParentTypes['TicketComment']> = {
  authorId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  public?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type TicketConnectionResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['TicketConnection'] = ResolversParentTypes['TicketConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TicketEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TicketEdgeResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['TicketEdge'] = ResolversParentTypes['TicketEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType>;
};

export type TicketPayloadResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['TicketPayload'] = ResolversParentTypes['TicketPayload']> = {
  ticket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType>;
};

export type Resolvers<ContextType = SupportContext> = {
  BusinessHours?: BusinessHoursResolvers<ContextType>;
  BusinessHoursPayload?: BusinessHoursPayloadResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SatisfactionSummary?: SatisfactionSummaryResolvers<ContextType>;
  SlaPolicy?: SlaPolicyResolvers<ContextType>;
  SlaPolicyPayload?: SlaPolicyPayloadResolvers<ContextType>;
  SurveyInvitation?: SurveyInvitationResolvers<ContextType>;
  SurveyInvitationConnection?: SurveyInvitationConnectionResolvers<ContextType>;
  SurveyInvitationEdge?: SurveyInvitationEdgeResolvers<ContextType>;
  SurveyResponse?: SurveyResponseResolvers<ContextType>;
  SurveyResponsePayload?: SurveyResponsePayloadResolvers<ContextType>;
  Ticket?: TicketResolvers<ContextType>;
  TicketComment?: TicketCommentResolvers<ContextType>;
  TicketConnection?: TicketConnectionResolvers<ContextType>;
  TicketEdge?: TicketEdgeResolvers<ContextType>;
  TicketPayload?: TicketPayloadResolvers<ContextType>;
};

