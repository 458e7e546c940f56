import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerReference, CustomerMetricsModel } from '../modules/customer-metrics/customer-metrics.model.js';
import type { ClvModelRecord } from '../modules/clv/clv.service.js';
import type { FunnelStepModel, ProductAffinityModel } from '../modules/reports/reports.service.js';
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

/** Acquisition by channel over a period. */
export type ChannelAttribution = {
  __typename?: 'ChannelAttribution';
  cac?: Maybe<Money>;
  channel: Scalars['String']['output'];
  customersWon: Scalars['Int']['output'];
  leads: Scalars['Int']['output'];
  /** Paid revenue, before the period's end, of the customers acquired in the period through this channel. */
  revenue: Money;
  /** (revenue - spend) / spend. */
  roi?: Maybe<Scalars['Float']['output']>;
  spend: Money;
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

/** Customers whose first purchase fell in one month, and the share of them buying in each later month. */
export type Cohort = {
  __typename?: 'Cohort';
  /** YYYY-MM (UTC). */
  month: Scalars['String']['output'];
  /** retention[k]: share of the cohort that bought in month k after the first (k = 0 is 1); months not begun by `to` are left out. */
  retention: Array<Scalars['Float']['output']>;
  size: Scalars['Int']['output'];
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
  /** The customer's latest interaction or order (what FADING_ENGAGEMENT measures from); null when there is none. */
  lastActivityAt?: Maybe<Scalars['DateTime']['output']>;
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

/** Adoption of one feature by customers first buying in a period (seed 004). */
export type FeatureAdoption = {
  __typename?: 'FeatureAdoption';
  adoptedWithin30Days: Scalars['Float']['output'];
  adoptedWithin60Days: Scalars['Float']['output'];
  adoptedWithin90Days: Scalars['Float']['output'];
  cohortSize: Scalars['Int']['output'];
  feature: Scalars['String']['output'];
  /** Share of adopters (within 90 days) still active 12 months after their first purchase; null when none has reached that mark. */
  retention12MonthsAdopters?: Maybe<Scalars['Float']['output']>;
  retention12MonthsNonAdopters?: Maybe<Scalars['Float']['output']>;
};

/** Expected revenue of one month: open deals weighted by their stage's win probability, plus recurring revenue. */
export type ForecastMonth = {
  __typename?: 'ForecastMonth';
  /** YYYY-MM (UTC). */
  month: Scalars['String']['output'];
  /** MRR as of the forecast's reference time, assumed to continue. */
  recurring: Money;
  total: Money;
  weightedPipeline: Money;
};

/** One stage of a pipeline funnel, from the deals' stage history. */
export type FunnelStep = {
  __typename?: 'FunnelStep';
  /** Mean days between entering the stage and leaving it, over deals that left it; null when none has. */
  avgDaysInStage?: Maybe<Scalars['Float']['output']>;
  /** converted / entered. */
  conversionRate?: Maybe<Scalars['Float']['output']>;
  /** Of those, deals that went on to a later stage or were won. */
  converted: Scalars['Int']['output'];
  /** Deals that entered the stage. */
  entered: Scalars['Int']['output'];
  probability: Scalars['Float']['output'];
  stage: Stage;
  stageName: Scalars['String']['output'];
};

/**
 * Key figures of a tenant for the period [from, to), each as defined in METRICS.md. A rate whose
 * denominator is empty is null, never NaN. With `segment`, customer-based figures count only the
 * customers of that value quadrant; lead conversion and CAC do not depend on it.
 */
export type Kpis = {
  __typename?: 'Kpis';
  avgDaysToSecondPurchase?: Maybe<Scalars['Float']['output']>;
  avgFirstResponseMinutes?: Maybe<Scalars['Float']['output']>;
  cac?: Maybe<Money>;
  ces?: Maybe<Scalars['Float']['output']>;
  /** Customers active at the start and not at the end / customers at the start; 0 when there were none. */
  churnRate: Scalars['Float']['output'];
  csat?: Maybe<Scalars['Float']['output']>;
  /** Active customers at the end of the period. */
  customers: Scalars['Int']['output'];
  /** Active customers at the start of the period (the denominator of churn and retention). */
  customersAtStart: Scalars['Int']['output'];
  leadConversionRate?: Maybe<Scalars['Float']['output']>;
  ltvToCac?: Maybe<Scalars['Float']['output']>;
  medianFirstResponseMinutes?: Maybe<Scalars['Float']['output']>;
  /** Monthly recurring revenue at the end of the period. */
  mrr: Money;
  /** MRR at the end against MRR one month earlier: (end - earlier) / earlier. */
  mrrGrowth?: Maybe<Scalars['Float']['output']>;
  netRevenueRetention?: Maybe<Scalars['Float']['output']>;
  /** Customers acquired (first purchase or subscription) in the period. */
  newCustomers: Scalars['Int']['output'];
  nps?: Maybe<Scalars['Float']['output']>;
  pipelineVelocityPerDay?: Maybe<Money>;
  repeatPurchaseRate?: Maybe<Scalars['Float']['output']>;
  /** (end - new) / start; 0 when there were no customers at the start. */
  retentionRate: Scalars['Float']['output'];
  slaBreachRate?: Maybe<Scalars['Float']['output']>;
  winRate?: Maybe<Scalars['Float']['output']>;
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

/** One deal owner's results over a period. */
export type OwnerPerformance = {
  __typename?: 'OwnerPerformance';
  avgCycleDays?: Maybe<Scalars['Float']['output']>;
  dealsLost: Scalars['Int']['output'];
  dealsWon: Scalars['Int']['output'];
  /** Null for deals without an owner. */
  ownerId?: Maybe<Scalars['ID']['output']>;
  revenue: Money;
  revenuePerCustomer?: Maybe<Money>;
  winRate?: Maybe<Scalars['Float']['output']>;
};

/** Pagination state of a Relay connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A product; sales-pipeline owns it. */
export type Product = {
  __typename?: 'Product';
  id: Scalars['ID']['output'];
};

/** A product customers bought next after a given one. */
export type ProductAffinity = {
  __typename?: 'ProductAffinity';
  /** Customers whose next purchase after the given product included this one. */
  customers: Scalars['Int']['output'];
  medianDaysAfter: Scalars['Float']['output'];
  product: Product;
  /** customers / customers who bought the given product. */
  share: Scalars['Float']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Customers at this risk level, highest score first (Customer references: contacts resolves the rest). */
  atRiskCustomers: CustomerConnection;
  /** Leads, customers won, revenue, spend, CAC and ROI per acquisition channel for [from, to). Roles: admin, analyst, marketing. */
  channelAttribution: Array<ChannelAttribution>;
  /** The weights and thresholds the tenant's churn risk is scored with. */
  churnRiskSettings: ChurnRiskSettings;
  /** The fitted model of the caller's tenant; null before the first refit. */
  clvModel?: Maybe<ClvModel>;
  /** Retention by first-purchase month, for customers first buying in [from, to). Roles: admin, analyst. */
  cohorts: Array<Cohort>;
  /** Per feature, adoption within 30/60/90 days of first purchase and 12-month retention of adopters and non-adopters. Roles: admin, analyst. */
  featureAdoption: Array<FeatureAdoption>;
  /** Key figures for [from, to). Roles: admin, analyst. */
  kpis: Kpis;
  /** Which products customers who bought `productId` bought next, and after how long. Roles: admin, analyst, sales, marketing. */
  nextProducts: Array<ProductAffinity>;
  /** Deals won and lost, revenue, win rate, cycle and revenue per customer per owner, for deals closed in [from, to). Roles: admin, analyst, sales. */
  ownerPerformance: Array<OwnerPerformance>;
  /** Entered, converted and days per stage, from stage history; all pipelines when `pipelineId` is omitted. Roles: admin, analyst, sales. */
  pipelineFunnel: Array<FunnelStep>;
  /** Open deals weighted by stage probability by expected close month, plus MRR, for `months` months from `asOf` (default now). Roles: admin, analyst, sales. */
  revenueForecast: Array<ForecastMonth>;
  /** Every quadrant, with its customers and their trailing 12-month revenue. */
  segmentSummary: Array<SegmentSummary>;
  valueSegmentSettings: ValueSegmentSettings;
};


export type QueryAtRiskCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  level?: InputMaybe<RiskLevel>;
};


export type QueryChannelAttributionArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryCohortsArgs = {
  from: Scalars['DateTime']['input'];
  months?: InputMaybe<Scalars['Int']['input']>;
  to: Scalars['DateTime']['input'];
};


export type QueryFeatureAdoptionArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryKpisArgs = {
  from: Scalars['DateTime']['input'];
  segment?: InputMaybe<ValueQuadrant>;
  to: Scalars['DateTime']['input'];
};


export type QueryNextProductsArgs = {
  productId: Scalars['ID']['input'];
};


export type QueryOwnerPerformanceArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryPipelineFunnelArgs = {
  pipelineId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRevenueForecastArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  months?: InputMaybe<Scalars['Int']['input']>;
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

/** A stage of a pipeline; sales-pipeline owns it. */
export type Stage = {
  __typename?: 'Stage';
  id: Scalars['ID']['output'];
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
  ChannelAttribution: ResolverTypeWrapper<ChannelAttribution>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ChurnRisk: ResolverTypeWrapper<ChurnRisk>;
  ChurnRiskSettings: ResolverTypeWrapper<ChurnRiskSettings>;
  ChurnRiskSettingsPayload: ResolverTypeWrapper<ChurnRiskSettingsPayload>;
  ChurnRiskWeights: ResolverTypeWrapper<ChurnRiskWeights>;
  ChurnRiskWeightsInput: ChurnRiskWeightsInput;
  ClvModel: ResolverTypeWrapper<ClvModelRecord>;
  Cohort: ResolverTypeWrapper<Cohort>;
  ConfigureChurnRiskInput: ConfigureChurnRiskInput;
  ConfigureValueSegmentsInput: ConfigureValueSegmentsInput;
  Customer: ResolverTypeWrapper<CustomerReference>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CustomerConnection: ResolverTypeWrapper<Omit<CustomerConnection, 'edges'> & { edges: Array<ResolversTypes['CustomerEdge']> }>;
  CustomerEdge: ResolverTypeWrapper<Omit<CustomerEdge, 'node'> & { node: ResolversTypes['Customer'] }>;
  CustomerMetrics: ResolverTypeWrapper<CustomerMetricsModel>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FeatureAdoption: ResolverTypeWrapper<FeatureAdoption>;
  ForecastMonth: ResolverTypeWrapper<ForecastMonth>;
  FunnelStep: ResolverTypeWrapper<FunnelStepModel>;
  Kpis: ResolverTypeWrapper<Kpis>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OwnerPerformance: ResolverTypeWrapper<OwnerPerformance>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Product: ResolverTypeWrapper<Product>;
  ProductAffinity: ResolverTypeWrapper<ProductAffinityModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RefitClvModelInput: RefitClvModelInput;
  RiskLevel: RiskLevel;
  RiskSignal: ResolverTypeWrapper<RiskSignal>;
  SegmentSummary: ResolverTypeWrapper<SegmentSummary>;
  Stage: ResolverTypeWrapper<Stage>;
  ValueQuadrant: ValueQuadrant;
  ValueSegment: ResolverTypeWrapper<ValueSegment>;
  ValueSegmentSettings: ResolverTypeWrapper<ValueSegmentSettings>;
  ValueSegmentSettingsPayload: ResolverTypeWrapper<ValueSegmentSettingsPayload>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ChannelAttribution: ChannelAttribution;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  Float: Scalars['Float']['output'];
  ChurnRisk: ChurnRisk;
  ChurnRiskSettings: ChurnRiskSettings;
  ChurnRiskSettingsPayload: ChurnRiskSettingsPayload;
  ChurnRiskWeights: ChurnRiskWeights;
  ChurnRiskWeightsInput: ChurnRiskWeightsInput;
  ClvModel: ClvModelRecord;
  Cohort: Cohort;
  ConfigureChurnRiskInput: ConfigureChurnRiskInput;
  ConfigureValueSegmentsInput: ConfigureValueSegmentsInput;
  Customer: CustomerReference;
  ID: Scalars['ID']['output'];
  CustomerConnection: Omit<CustomerConnection, 'edges'> & { edges: Array<ResolversParentTypes['CustomerEdge']> };
  CustomerEdge: Omit<CustomerEdge, 'node'> & { node: ResolversParentTypes['Customer'] };
  CustomerMetrics: CustomerMetricsModel;
  DateTime: Scalars['DateTime']['output'];
  FeatureAdoption: FeatureAdoption;
  ForecastMonth: ForecastMonth;
  FunnelStep: FunnelStepModel;
  Kpis: Kpis;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  OwnerPerformance: OwnerPerformance;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Product: Product;
  ProductAffinity: ProductAffinityModel;
  Query: Record<PropertyKey, never>;
  RefitClvModelInput: RefitClvModelInput;
  RiskSignal: RiskSignal;
  SegmentSummary: SegmentSummary;
  Stage: Stage;
  ValueSegment: ValueSegment;
  ValueSegmentSettings: ValueSegmentSettings;
  ValueSegmentSettingsPayload: ValueSegmentSettingsPayload;
};

export type ChannelAttributionResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['ChannelAttribution'] = ResolversParentTypes['ChannelAttribution']> = {
  cac?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customersWon?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  leads?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  revenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  roi?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  spend?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
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

export type CohortResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Cohort'] = ResolversParentTypes['Cohort']> = {
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  retention?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  lastActivityAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  predictedClv?: Resolver<ResolversTypes['Money'], ParentType, ContextType, RequireFields<CustomerMetricsPredictedClvArgs, 'horizonMonths'>>;
  probabilityAlive?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  simpleClv?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  valueSegment?: Resolver<ResolversTypes['ValueSegment'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FeatureAdoptionResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['FeatureAdoption'] = ResolversParentTypes['FeatureAdoption']> = {
  adoptedWithin30Days?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  adoptedWithin60Days?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  adoptedWithin90Days?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  cohortSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  feature?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  retention12MonthsAdopters?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  retention12MonthsNonAdopters?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type ForecastMonthResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['ForecastMonth'] = ResolversParentTypes['ForecastMonth']> = {
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recurring?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  weightedPipeline?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type FunnelStepResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['FunnelStep'] = ResolversParentTypes['FunnelStep']> = {
  avgDaysInStage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  conversionRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  converted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  entered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  probability?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['Stage'], ParentType, ContextType>;
  stageName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type KpisResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Kpis'] = ResolversParentTypes['Kpis']> = {
  avgDaysToSecondPurchase?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  avgFirstResponseMinutes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cac?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  ces?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  churnRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  csat?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  customers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  customersAtStart?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  leadConversionRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ltvToCac?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  medianFirstResponseMinutes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  mrr?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  mrrGrowth?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  netRevenueRetention?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  newCustomers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nps?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pipelineVelocityPerDay?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  repeatPurchaseRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  retentionRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  slaBreachRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  winRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  configureChurnRisk?: Resolver<ResolversTypes['ChurnRiskSettingsPayload'], ParentType, ContextType, RequireFields<MutationConfigureChurnRiskArgs, 'input'>>;
  configureValueSegments?: Resolver<ResolversTypes['ValueSegmentSettingsPayload'], ParentType, ContextType, RequireFields<MutationConfigureValueSegmentsArgs, 'input'>>;
  refitClvModel?: Resolver<ResolversTypes['ClvModel'], ParentType, ContextType, Partial<MutationRefitClvModelArgs>>;
};

export type OwnerPerformanceResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['OwnerPerformance'] = ResolversParentTypes['OwnerPerformance']> = {
  avgCycleDays?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  dealsLost?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dealsWon?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ownerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  revenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  revenuePerCustomer?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  winRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProductResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ProductAffinityResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['ProductAffinity'] = ResolversParentTypes['ProductAffinity']> = {
  customers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medianDaysAfter?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  atRiskCustomers?: Resolver<ResolversTypes['CustomerConnection'], ParentType, ContextType, RequireFields<QueryAtRiskCustomersArgs, 'first' | 'level'>>;
  channelAttribution?: Resolver<Array<ResolversTypes['ChannelAttribution']>, ParentType, ContextType, RequireFields<QueryChannelAttributionArgs, 'from' | 'to'>>;
  churnRiskSettings?: Resolver<ResolversTypes['ChurnRiskSettings'], ParentType, ContextType>;
  clvModel?: Resolver<Maybe<ResolversTypes['ClvModel']>, ParentType, ContextType>;
  cohorts?: Resolver<Array<ResolversTypes['Cohort']>, ParentType, ContextType, RequireFields<QueryCohortsArgs, 'from' | 'months' | 'to'>>;
  featureAdoption?: Resolver<Array<ResolversTypes['FeatureAdoption']>, ParentType, ContextType, RequireFields<QueryFeatureAdoptionArgs, 'from' | 'to'>>;
  kpis?: Resolver<ResolversTypes['Kpis'], ParentType, ContextType, RequireFields<QueryKpisArgs, 'from' | 'to'>>;
  nextProducts?: Resolver<Array<ResolversTypes['ProductAffinity']>, ParentType, ContextType, RequireFields<QueryNextProductsArgs, 'productId'>>;
  ownerPerformance?: Resolver<Array<ResolversTypes['OwnerPerformance']>, ParentType, ContextType, RequireFields<QueryOwnerPerformanceArgs, 'from' | 'to'>>;
  pipelineFunnel?: Resolver<Array<ResolversTypes['FunnelStep']>, ParentType, ContextType, Partial<QueryPipelineFunnelArgs>>;
  revenueForecast?: Resolver<Array<ResolversTypes['ForecastMonth']>, ParentType, ContextType, RequireFields<QueryRevenueForecastArgs, 'months'>>;
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

export type StageResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Stage'] = ResolversParentTypes['Stage']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
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
  ChannelAttribution?: ChannelAttributionResolvers<ContextType>;
  ChurnRisk?: ChurnRiskResolvers<ContextType>;
  ChurnRiskSettings?: ChurnRiskSettingsResolvers<ContextType>;
  ChurnRiskSettingsPayload?: ChurnRiskSettingsPayloadResolvers<ContextType>;
  ChurnRiskWeights?: ChurnRiskWeightsResolvers<ContextType>;
  ClvModel?: ClvModelResolvers<ContextType>;
  Cohort?: CohortResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerConnection?: CustomerConnectionResolvers<ContextType>;
  CustomerEdge?: CustomerEdgeResolvers<ContextType>;
  CustomerMetrics?: CustomerMetricsResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  FeatureAdoption?: FeatureAdoptionResolvers<ContextType>;
  ForecastMonth?: ForecastMonthResolvers<ContextType>;
  FunnelStep?: FunnelStepResolvers<ContextType>;
  Kpis?: KpisResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OwnerPerformance?: OwnerPerformanceResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductAffinity?: ProductAffinityResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RiskSignal?: RiskSignalResolvers<ContextType>;
  SegmentSummary?: SegmentSummaryResolvers<ContextType>;
  Stage?: StageResolvers<ContextType>;
  ValueSegment?: ValueSegmentResolvers<ContextType>;
  ValueSegmentSettings?: ValueSegmentSettingsResolvers<ContextType>;
  ValueSegmentSettingsPayload?: ValueSegmentSettingsPayloadResolvers<ContextType>;
};

