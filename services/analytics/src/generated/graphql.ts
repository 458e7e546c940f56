import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerReference, CustomerMetricsModel } from '../modules/customer-metrics/customer-metrics.model.js';
import type { ClvModelRecord } from '../modules/clv/clv.service.js';
import type { AnalyticsContext } from '../context.js';
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

/**
 * How likely the customer is to leave, as of the tenant's reference time (METRICS.md, "Churn
 * risk"): a 0-100 score, its level at the tenant's thresholds, and the signals that make it up.
 */
export type ChurnRisk = {
  __typename?: 'ChurnRisk';
  /** The reference time the score was computed as of; null until analytics has scored the customer. */
  asOf?: Maybe<Scalars['DateTime']['output']>;
  level: RiskLevel;
  score: Scalars['Float']['output'];
  /** Strongest first; the weights add up to the score. */
  signals: Array<RiskSignal>;
};

export type ChurnRiskSettings = {
  __typename?: 'ChurnRiskSettings';
  /** Scores at or above are HIGH. */
  highThreshold: Scalars['Float']['output'];
  /** Scores at or above are MEDIUM. */
  mediumThreshold: Scalars['Float']['output'];
  /** Null while the documented defaults apply. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  weights: ChurnRiskWeights;
};

export type ChurnRiskSettingsPayload = {
  __typename?: 'ChurnRiskSettingsPayload';
  /** Customers rescored with the new settings. */
  rescored: Scalars['Int']['output'];
  settings: ChurnRiskSettings;
};

/** Relative weight of each churn signal; the score divides by their sum. */
export type ChurnRiskWeights = {
  __typename?: 'ChurnRiskWeights';
  fadingEngagement: Scalars['Float']['output'];
  fallingUsage: Scalars['Float']['output'];
  latePayments: Scalars['Float']['output'];
  lowPurchaseExpectation: Scalars['Float']['output'];
  lowSatisfaction: Scalars['Float']['output'];
  subscriptionContraction: Scalars['Float']['output'];
  supportFriction: Scalars['Float']['output'];
};

/** Weights left out keep their current value. */
export type ChurnRiskWeightsInput = {
  fadingEngagement?: InputMaybe<Scalars['Float']['input']>;
  fallingUsage?: InputMaybe<Scalars['Float']['input']>;
  latePayments?: InputMaybe<Scalars['Float']['input']>;
  lowPurchaseExpectation?: InputMaybe<Scalars['Float']['input']>;
  lowSatisfaction?: InputMaybe<Scalars['Float']['input']>;
  subscriptionContraction?: InputMaybe<Scalars['Float']['input']>;
  supportFriction?: InputMaybe<Scalars['Float']['input']>;
};

/**
 * The tenant's fitted lifetime-value model (METRICS.md, "Predicted CLV"): BG/NBD (Fader, Hardie &
 * Lee 2005) on purchase counts, time in weeks, and Gamma-Gamma (Fader & Hardie 2013) on the mean
 * repeat spend of repeat buyers, both by maximum likelihood.
 */
export type ClvModel = {
  __typename?: 'ClvModel';
  a: Scalars['Float']['output'];
  alpha: Scalars['Float']['output'];
  b: Scalars['Float']['output'];
  /** Purchases up to this instant were used; it is the tenant's reference time for predictions. */
  calibrationEnd: Scalars['DateTime']['output'];
  /** Customers with a purchase up to calibrationEnd. */
  customers: Scalars['Int']['output'];
  fittedAt: Scalars['DateTime']['output'];
  gamma?: Maybe<Scalars['Float']['output']>;
  /** Log-likelihood of the BG/NBD fit. */
  logLikelihood: Scalars['Float']['output'];
  /** Gamma-Gamma parameters; null when no repeat buyer had a positive spend to fit them on. */
  p?: Maybe<Scalars['Float']['output']>;
  q?: Maybe<Scalars['Float']['output']>;
  r: Scalars['Float']['output'];
  /** Of them, customers with a purchase on more than one day. */
  repeaters: Scalars['Int']['output'];
};

export type ConfigureChurnRiskInput = {
  highThreshold?: InputMaybe<Scalars['Float']['input']>;
  mediumThreshold?: InputMaybe<Scalars['Float']['input']>;
  weights?: InputMaybe<ChurnRiskWeightsInput>;
};

/** A null threshold splits at the median. */
export type ConfigureValueSegmentsInput = {
  currentValueThreshold?: InputMaybe<Scalars['Float']['input']>;
  potentialValueThreshold?: InputMaybe<Scalars['Float']['input']>;
};

export type Customer = {
  __typename?: 'Customer';
  id: Scalars['ID']['output'];
  /** Null only when this subgraph cannot answer. */
  metrics?: Maybe<CustomerMetrics>;
};

export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  edges: Array<CustomerEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CustomerEdge = {
  __typename?: 'CustomerEdge';
  cursor: Scalars['String']['output'];
  node: Customer;
};

/** Metrics analytics derives for one customer from events. */
export type CustomerMetrics = {
  __typename?: 'CustomerMetrics';
  /** LOW with score 0 and no signals until analytics has scored the customer. */
  churnRisk: ChurnRisk;
  /** Purchases (purchase days) expected over the horizon after the reference time (BG/NBD). */
  expectedPurchases: Scalars['Float']['output'];
  /** 0-100; 50 (neutral) until analytics has seen the customer. */
  healthScore: Scalars['Float']['output'];
  /** Revenue of the customer's paid orders up to the reference time. */
  historicalValue: Money;
  /** Expected purchases over the horizon x expected spend per purchase, undiscounted. */
  predictedClv: Money;
  /** Probability that the customer is still active at the reference time (BG/NBD); 1 without evidence of a dropout. */
  probabilityAlive: Scalars['Float']['output'];
  /** Average purchase value x purchase frequency x expected lifespan (METRICS.md, "Simple CLV"). */
  simpleClv: Money;
  /** When the read model last changed for this customer; null until analytics has seen it. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** SERVE_EFFICIENTLY with zero values until the tenant's customers have been segmented. */
  valueSegment: ValueSegment;
};


/** Metrics analytics derives for one customer from events. */
export type CustomerMetricsExpectedPurchasesArgs = {
  horizonMonths?: InputMaybe<Scalars['Int']['input']>;
};


/** Metrics analytics derives for one customer from events. */
export type CustomerMetricsPredictedClvArgs = {
  horizonMonths?: InputMaybe<Scalars['Int']['input']>;
};

/** An amount in major units of its currency; identical in every subgraph. */
export type Money = {
  __typename?: 'Money';
  amount: Scalars['Float']['output'];
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Sets the tenant's churn weights and thresholds and rescores its customers. Role: admin. */
  configureChurnRisk: ChurnRiskSettingsPayload;
  /** Sets where the quadrants split and segments the tenant's customers again. Role: admin. */
  configureValueSegments: ValueSegmentSettingsPayload;
  /** Fits the model on the tenant's purchases up to calibrationEnd and makes that the reference time for predictions. Roles: admin, analyst. */
  refitClvModel: ClvModel;
};


export type MutationConfigureChurnRiskArgs = {
  input: ConfigureChurnRiskInput;
};


export type MutationConfigureValueSegmentsArgs = {
  input: ConfigureValueSegmentsInput;
};


export type MutationRefitClvModelArgs = {
  input?: InputMaybe<RefitClvModelInput>;
};

/** Pagination state of a Relay connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Customers at this risk level, highest score first (Customer references: contacts resolves the rest). */
  atRiskCustomers: CustomerConnection;
  /** The weights and thresholds the tenant's churn risk is scored with. */
  churnRiskSettings: ChurnRiskSettings;
  /** The fitted model of the caller's tenant; null before the first refit. */
  clvModel?: Maybe<ClvModel>;
  /** Every quadrant, with its customers and their trailing 12-month revenue. */
  segmentSummary: Array<SegmentSummary>;
  valueSegmentSettings: ValueSegmentSettings;
};


export type QueryAtRiskCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  level?: InputMaybe<RiskLevel>;
};

export type RefitClvModelInput = {
  /** Fit on purchases up to this instant (inclusive); default: the time of the refit. Never in the future. */
  calibrationEnd?: InputMaybe<Scalars['DateTime']['input']>;
};

export type RiskLevel =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** One reason behind a churn risk score. */
export type RiskSignal = {
  __typename?: 'RiskSignal';
  /** What was seen, in words. */
  detail: Scalars['String']['output'];
  /** FALLING_USAGE, LATE_PAYMENTS, SUPPORT_FRICTION, FADING_ENGAGEMENT, LOW_SATISFACTION, SUBSCRIPTION_CONTRACTION or LOW_PURCHASE_EXPECTATION. */
  name: Scalars['String']['output'];
  /** Points this signal adds to the score. */
  weight: Scalars['Float']['output'];
};

export type SegmentSummary = {
  __typename?: 'SegmentSummary';
  customers: Scalars['Int']['output'];
  quadrant: ValueQuadrant;
  /** Trailing 12-month revenue of the quadrant's customers. */
  revenue: Money;
};

export type ValueQuadrant =
  | 'DEVELOP'
  | 'INVEST'
  | 'PROTECT'
  | 'SERVE_EFFICIENTLY';

/** Current value x potential value (METRICS.md, "Value segment"). */
export type ValueSegment = {
  __typename?: 'ValueSegment';
  /** Paid revenue of the trailing 12 months. */
  currentValue: Money;
  /** Predicted CLV of the next 12 months. */
  potentialValue: Money;
  quadrant: ValueQuadrant;
};

export type ValueSegmentSettings = {
  __typename?: 'ValueSegmentSettings';
  /** Current value at or above which a customer is high; null: the median of customers with any value. */
  currentValueThreshold?: Maybe<Scalars['Float']['output']>;
  /** Potential value at or above which a customer is high; null: the median of customers with any value. */
  potentialValueThreshold?: Maybe<Scalars['Float']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type ValueSegmentSettingsPayload = {
  __typename?: 'ValueSegmentSettingsPayload';
  /** Customers segmented again with the new thresholds. */
  segmented: Scalars['Int']['output'];
  settings: ValueSegmentSettings;
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
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ChurnRisk: ResolverTypeWrapper<ChurnRisk>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ChurnRiskSettings: ResolverTypeWrapper<ChurnRiskSettings>;
  ChurnRiskSettingsPayload: ResolverTypeWrapper<ChurnRiskSettingsPayload>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ChurnRiskWeights: ResolverTypeWrapper<ChurnRiskWeights>;
  ChurnRiskWeightsInput: ChurnRiskWeightsInput;
  ClvModel: ResolverTypeWrapper<ClvModelRecord>;
  ConfigureChurnRiskInput: ConfigureChurnRiskInput;
  ConfigureValueSegmentsInput: ConfigureValueSegmentsInput;
  Customer: ResolverTypeWrapper<CustomerReference>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CustomerConnection: ResolverTypeWrapper<Omit<CustomerConnection, 'edges'> & { edges: Array<ResolversTypes['CustomerEdge']> }>;
  CustomerEdge: ResolverTypeWrapper<Omit<CustomerEdge, 'node'> & { node: ResolversTypes['Customer'] }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CustomerMetrics: ResolverTypeWrapper<CustomerMetricsModel>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RefitClvModelInput: RefitClvModelInput;
  RiskLevel: RiskLevel;
  RiskSignal: ResolverTypeWrapper<RiskSignal>;
  SegmentSummary: ResolverTypeWrapper<SegmentSummary>;
  ValueQuadrant: ValueQuadrant;
  ValueSegment: ResolverTypeWrapper<ValueSegment>;
  ValueSegmentSettings: ResolverTypeWrapper<ValueSegmentSettings>;
  ValueSegmentSettingsPayload: ResolverTypeWrapper<ValueSegmentSettingsPayload>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ChurnRisk: ChurnRisk;
  Float: Scalars['Float']['output'];
  ChurnRiskSettings: ChurnRiskSettings;
  ChurnRiskSettingsPayload: ChurnRiskSettingsPayload;
  Int: Scalars['Int']['output'];
  ChurnRiskWeights: ChurnRiskWeights;
  ChurnRiskWeightsInput: ChurnRiskWeightsInput;
  ClvModel: ClvModelRecord;
  ConfigureChurnRiskInput: ConfigureChurnRiskInput;
  ConfigureValueSegmentsInput: ConfigureValueSegmentsInput;
  Customer: CustomerReference;
  ID: Scalars['ID']['output'];
  CustomerConnection: Omit<CustomerConnection, 'edges'> & { edges: Array<ResolversParentTypes['CustomerEdge']> };
  CustomerEdge: Omit<CustomerEdge, 'node'> & { node: ResolversParentTypes['Customer'] };
  String: Scalars['String']['output'];
  CustomerMetrics: CustomerMetricsModel;
  DateTime: Scalars['DateTime']['output'];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Query: Record<PropertyKey, never>;
  RefitClvModelInput: RefitClvModelInput;
  RiskSignal: RiskSignal;
  SegmentSummary: SegmentSummary;
  ValueSegment: ValueSegment;
  ValueSegmentSettings: ValueSegmentSettings;
  ValueSegmentSettingsPayload: ValueSegmentSettingsPayload;
};

export type ChurnRiskResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['ChurnRisk'] = ResolversParentTypes['ChurnRisk']> = {
  asOf?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  level?: Resolver<ResolversTypes['RiskLevel'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  signals?: Resolver<Array<ResolversTypes['RiskSignal']>, ParentType, ContextType>;
};

export type ChurnRiskSettingsResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['ChurnRiskSettings'] = ResolversParentTypes['ChurnRiskSettings']> = {
  highThreshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  mediumThreshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  weights?: Resolver<ResolversTypes['ChurnRiskWeights'], ParentType, ContextType>;
};

export type ChurnRiskSettingsPayloadResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['ChurnRiskSettingsPayload'] = ResolversParentTypes['ChurnRiskSettingsPayload']> = {
  rescored?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  settings?: Resolver<ResolversTypes['ChurnRiskSettings'], ParentType, ContextType>;
};

export type ChurnRiskWeightsResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['ChurnRiskWeights'] = ResolversParentTypes['ChurnRiskWeights']> = {
  fadingEngagement?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  fallingUsage?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  latePayments?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lowPurchaseExpectation?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lowSatisfaction?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  subscriptionContraction?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  supportFriction?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ClvModelResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['ClvModel'] = ResolversParentTypes['ClvModel']> = {
  a?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  alpha?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  b?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  calibrationEnd?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fittedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  gamma?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  logLikelihood?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  p?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  q?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  r?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  repeaters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metrics?: Resolver<Maybe<ResolversTypes['CustomerMetrics']>, ParentType, ContextType>;
};

export type CustomerConnectionResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['CustomerConnection'] = ResolversParentTypes['CustomerConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CustomerEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CustomerEdgeResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['CustomerEdge'] = ResolversParentTypes['CustomerEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
};

export type CustomerMetricsResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['CustomerMetrics'] = ResolversParentTypes['CustomerMetrics']> = {
  churnRisk?: Resolver<ResolversTypes['ChurnRisk'], ParentType, ContextType>;
  expectedPurchases?: Resolver<ResolversTypes['Float'], ParentType, ContextType, RequireFields<CustomerMetricsExpectedPurchasesArgs, 'horizonMonths'>>;
  healthScore?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  historicalValue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  predictedClv?: Resolver<ResolversTypes['Money'], ParentType, ContextType, RequireFields<CustomerMetricsPredictedClvArgs, 'horizonMonths'>>;
  probabilityAlive?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  simpleClv?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  valueSegment?: Resolver<ResolversTypes['ValueSegment'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MoneyResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  configureChurnRisk?: Resolver<ResolversTypes['ChurnRiskSettingsPayload'], ParentType, ContextType, RequireFields<MutationConfigureChurnRiskArgs, 'input'>>;
  configureValueSegments?: Resolver<ResolversTypes['ValueSegmentSettingsPayload'], ParentType, ContextType, RequireFields<MutationConfigureValueSegmentsArgs, 'input'>>;
  refitClvModel?: Resolver<ResolversTypes['ClvModel'], ParentType, ContextType, Partial<MutationRefitClvModelArgs>>;
};

export type PageInfoResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  atRiskCustomers?: Resolver<ResolversTypes['CustomerConnection'], ParentType, ContextType, RequireFields<QueryAtRiskCustomersArgs, 'first' | 'level'>>;
  churnRiskSettings?: Resolver<ResolversTypes['ChurnRiskSettings'], ParentType, ContextType>;
  clvModel?: Resolver<Maybe<ResolversTypes['ClvModel']>, ParentType, ContextType>;
  segmentSummary?: Resolver<Array<ResolversTypes['SegmentSummary']>, ParentType, ContextType>;
  valueSegmentSettings?: Resolver<ResolversTypes['ValueSegmentSettings'], ParentType, ContextType>;
};

export type RiskSignalResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['RiskSignal'] = ResolversParentTypes['RiskSignal']> = {
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SegmentSummaryResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['SegmentSummary'] = ResolversParentTypes['SegmentSummary']> = {
  customers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quadrant?: Resolver<ResolversTypes['ValueQuadrant'], ParentType, ContextType>;
  revenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type ValueSegmentResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['ValueSegment'] = ResolversParentTypes['ValueSegment']> = {
  currentValue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  potentialValue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  quadrant?: Resolver<ResolversTypes['ValueQuadrant'], ParentType, ContextType>;
};

export type ValueSegmentSettingsResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['ValueSegmentSettings'] = ResolversParentTypes['ValueSegmentSettings']> = {
  currentValueThreshold?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  potentialValueThreshold?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type ValueSegmentSettingsPayloadResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['ValueSegmentSettingsPayload'] = ResolversParentTypes['ValueSegmentSettingsPayload']> = {
  segmented?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  settings?: Resolver<ResolversTypes['ValueSegmentSettings'], ParentType, ContextType>;
};

export type Resolvers<ContextType = AnalyticsContext> = {
  ChurnRisk?: ChurnRiskResolvers<ContextType>;
  ChurnRiskSettings?: ChurnRiskSettingsResolvers<ContextType>;
  ChurnRiskSettingsPayload?: ChurnRiskSettingsPayloadResolvers<ContextType>;
  ChurnRiskWeights?: ChurnRiskWeightsResolvers<ContextType>;
  ClvModel?: ClvModelResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerConnection?: CustomerConnectionResolvers<ContextType>;
  CustomerEdge?: CustomerEdgeResolvers<ContextType>;
  CustomerMetrics?: CustomerMetricsResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RiskSignal?: RiskSignalResolvers<ContextType>;
  SegmentSummary?: SegmentSummaryResolvers<ContextType>;
  ValueSegment?: ValueSegmentResolvers<ContextType>;
  ValueSegmentSettings?: ValueSegmentSettingsResolvers<ContextType>;
  ValueSegmentSettingsPayload?: ValueSegmentSettingsPayloadResolvers<ContextType>;
};

