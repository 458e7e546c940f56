import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerReference } from '../modules/revenue/revenue.model.js';
import type { MoneyModel } from '../money.js';
import type { ProductModel } from '../modules/product/product.model.js';
import type { OrderModel, OrderLineModel } from '../modules/order/order.model.js';
import type { PipelineModel, StageModel } from '../modules/pipeline/pipeline.model.js';
import type { DealModel, StageChangeModel } from '../modules/deal/deal.model.js';
import type { SubscriptionModel } from '../modules/subscription/subscription.model.js';
import type { CampaignModel } from '../modules/campaign/campaign.model.js';
import type { LeadModel, RoutingRuleModel } from '../modules/lead/lead.model.js';
import type { CurrencySettingsModel } from '../modules/currency/currency.service.js';
import type { SalesContext } from '../context.js';
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

export type AssignLeadInput = {
  /** A member id; routing's choice can be overridden, a converted lead cannot be reassigned. */
  assigneeId: Scalars['ID']['input'];
  leadId: Scalars['ID']['input'];
};

/** A marketing campaign; leads keep the campaign they came from, for CAC by channel. */
export type Campaign = {
  __typename?: 'Campaign';
  channel: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Total spend recorded so far. */
  spend: Money;
};

export type CampaignPayload = {
  __typename?: 'CampaignPayload';
  campaign: Campaign;
};

/** A new MRR for the subscription: higher is an expansion, lower a contraction. */
export type ChangeSubscriptionInput = {
  /** Defaults to now. */
  changedAt?: InputMaybe<Scalars['DateTime']['input']>;
  mrr: Scalars['Float']['input'];
  subscriptionId: Scalars['ID']['input'];
};

/** Without `customerId`, the lead becomes a new customer (created by contacts) whose id is the lead's id. */
export type ConvertLeadInput = {
  customerId?: InputMaybe<Scalars['ID']['input']>;
  leadId: Scalars['ID']['input'];
};

export type CreateDealInput = {
  amount: Scalars['Float']['input'];
  currency: Scalars['String']['input'];
  customerId: Scalars['ID']['input'];
  expectedCloseAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Defaults to the caller. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** Without pipelineId and stageId the deal starts in the first stage of the default pipeline. */
  pipelineId?: InputMaybe<Scalars['ID']['input']>;
  stageId?: InputMaybe<Scalars['ID']['input']>;
  title: Scalars['String']['input'];
};

export type CreateLeadInput = {
  campaignId?: InputMaybe<Scalars['ID']['input']>;
  company?: InputMaybe<Scalars['String']['input']>;
  /** ISO-3166 alpha-2: the sales territory. */
  country?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  industry?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  source?: InputMaybe<Scalars['String']['input']>;
};

export type CreatePipelineInput = {
  name: Scalars['String']['input'];
  /** In order; at least one. */
  stages: Array<StageInput>;
};

/** The tenant's reporting currency and the rates it provides (never fetched): an amount in another currency times its rate is its value in the base currency. */
export type CurrencySettings = {
  __typename?: 'CurrencySettings';
  /** USD until set. */
  baseCurrency: Scalars['String']['output'];
  rates: Array<ExchangeRate>;
};

export type CurrencySettingsPayload = {
  __typename?: 'CurrencySettingsPayload';
  currencySettings: CurrencySettings;
};

export type Customer = {
  __typename?: 'Customer';
  /** Null only when this subgraph cannot answer. */
  deals?: Maybe<Array<Deal>>;
  id: Scalars['ID']['output'];
  /** Newest first. Null only when this subgraph cannot answer. */
  orders?: Maybe<OrderConnection>;
  /** Null only when this subgraph cannot answer; zeros when the customer has no orders. */
  revenue?: Maybe<RevenueSummary>;
  /** Active and ended, newest first. Null only when this subgraph cannot answer. */
  subscriptions?: Maybe<Array<Subscription>>;
};


export type CustomerDealsArgs = {
  status?: InputMaybe<DealStatus>;
};


export type CustomerOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Deal = {
  __typename?: 'Deal';
  amount: Money;
  /** The amount in the tenant's base currency (see currencySettings); null while no rate for its currency is set. */
  amountInBaseCurrency?: Maybe<Money>;
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  customer: Customer;
  expectedCloseAt?: Maybe<Scalars['DateTime']['output']>;
  /** Every stage the deal entered, oldest first; the first entry is its creation (no fromStage). */
  history: Array<StageChange>;
  id: Scalars['ID']['output'];
  /** Set when the deal is lost. */
  lostReason?: Maybe<Scalars['String']['output']>;
  ownerId?: Maybe<Scalars['ID']['output']>;
  stage: Stage;
  status: DealStatus;
  title: Scalars['String']['output'];
};

export type DealConnection = {
  __typename?: 'DealConnection';
  edges: Array<DealEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type DealEdge = {
  __typename?: 'DealEdge';
  cursor: Scalars['String']['output'];
  node: Deal;
};

/** Every given criterion must hold. */
export type DealFilter = {
  customerId?: InputMaybe<Scalars['ID']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  pipelineId?: InputMaybe<Scalars['ID']['input']>;
  stageId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<DealStatus>;
};

export type DealPayload = {
  __typename?: 'DealPayload';
  deal: Deal;
};

export type DealStatus =
  | 'LOST'
  | 'OPEN'
  | 'WON';

export type DisqualifyLeadInput = {
  leadId: Scalars['ID']['input'];
};

export type EndSubscriptionInput = {
  /** Defaults to now. */
  endedAt?: InputMaybe<Scalars['DateTime']['input']>;
  subscriptionId: Scalars['ID']['input'];
};

export type ExchangeRate = {
  __typename?: 'ExchangeRate';
  currency: Scalars['String']['output'];
  /** Units of the base currency one unit of `currency` is worth. */
  rateToBase: Scalars['Float']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/**
 * CSV text, at most 5,000 rows (larger files: POST /imports/orders on the gateway). Header:
 * orderExternalId,customerExternalId,customerEmail,placedAt,amount,currency,sku,quantity (columns
 * may be omitted; placedAt is required; customerName may be added). One row per order (amount,
 * currency) or per order line (sku, quantity; the lines of one order share orderExternalId and are
 * consecutive). Imported orders are placed and paid at placedAt.
 */
export type ImportOrdersInput = {
  /** An unknown customerExternalId (or email) creates the customer in contacts under an id minted here. */
  createCustomers?: InputMaybe<Scalars['Boolean']['input']>;
  csv: Scalars['String']['input'];
};

export type ImportRejection = {
  __typename?: 'ImportRejection';
  /** The column at fault, when one is. */
  field?: Maybe<Scalars['String']['output']>;
  reason: Scalars['String']['output'];
  /** 1-based data row, header not counted. */
  row: Scalars['Int']['output'];
};

/** How an import went, row by row: received = imported + updated + rejected. */
export type ImportReport = {
  __typename?: 'ImportReport';
  /** Rows written as new records. */
  imported: Scalars['Int']['output'];
  /** Data rows read (the header is not a row). */
  received: Scalars['Int']['output'];
  rejected: Array<ImportRejection>;
  /** Rows matched to a record of an earlier import and written over it (or found unchanged). */
  updated: Scalars['Int']['output'];
};

export type Lead = {
  __typename?: 'Lead';
  /** The member routing (or a person) gave the lead to; null while NEW. */
  assigneeId?: Maybe<Scalars['ID']['output']>;
  campaign?: Maybe<Campaign>;
  company?: Maybe<Scalars['String']['output']>;
  convertedAt?: Maybe<Scalars['DateTime']['output']>;
  country?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Set once converted. */
  customer?: Maybe<Customer>;
  email?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  industry?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  source?: Maybe<Scalars['String']['output']>;
  status: LeadStatus;
};

export type LeadConnection = {
  __typename?: 'LeadConnection';
  edges: Array<LeadEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type LeadEdge = {
  __typename?: 'LeadEdge';
  cursor: Scalars['String']['output'];
  node: Lead;
};

export type LeadPayload = {
  __typename?: 'LeadPayload';
  lead: Lead;
};

export type LeadStatus =
  | 'ASSIGNED'
  | 'CONVERTED'
  | 'DISQUALIFIED'
  | 'NEW';

export type LoseDealInput = {
  dealId: Scalars['ID']['input'];
  /** Required, not empty. */
  reason: Scalars['String']['input'];
};

/** An amount in major units of a currency. */
export type Money = {
  __typename?: 'Money';
  amount: Scalars['Float']['output'];
  currency: Scalars['String']['output'];
};

export type MoveDealInput = {
  dealId: Scalars['ID']['input'];
  /** A stage of the deal's pipeline. */
  stageId: Scalars['ID']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Manual assignment, for leads routing left NEW or sent to the wrong person. */
  assignLead: LeadPayload;
  changeSubscription: SubscriptionPayload;
  convertLead: LeadPayload;
  createDeal: DealPayload;
  createLead: LeadPayload;
  createPipeline: PipelinePayload;
  /** A lead that will not be worked: it leaves its assignee's open load. A converted lead cannot be disqualified; disqualifying twice changes nothing. */
  disqualifyLead: LeadPayload;
  endSubscription: SubscriptionPayload;
  importOrders: ImportReport;
  loseDeal: DealPayload;
  moveDeal: DealPayload;
  placeOrder: OrderPayload;
  recordCampaignSpend: CampaignPayload;
  recordPayment: OrderPayload;
  /** Admins only. */
  setBaseCurrency: CurrencySettingsPayload;
  /** Admins only; the base currency itself has no rate. */
  setExchangeRate: CurrencySettingsPayload;
  startSubscription: SubscriptionPayload;
  upsertCampaign: CampaignPayload;
  upsertProduct: ProductPayload;
  upsertRoutingRule: RoutingRulePayload;
  winDeal: DealPayload;
};


export type MutationAssignLeadArgs = {
  input: AssignLeadInput;
};


export type MutationChangeSubscriptionArgs = {
  input: ChangeSubscriptionInput;
};


export type MutationConvertLeadArgs = {
  input: ConvertLeadInput;
};


export type MutationCreateDealArgs = {
  input: CreateDealInput;
};


export type MutationCreateLeadArgs = {
  input: CreateLeadInput;
};


export type MutationCreatePipelineArgs = {
  input: CreatePipelineInput;
};


export type MutationDisqualifyLeadArgs = {
  input: DisqualifyLeadInput;
};


export type MutationEndSubscriptionArgs = {
  input: EndSubscriptionInput;
};


export type MutationImportOrdersArgs = {
  input: ImportOrdersInput;
};


export type MutationLoseDealArgs = {
  input: LoseDealInput;
};


export type MutationMoveDealArgs = {
  input: MoveDealInput;
};


export type MutationPlaceOrderArgs = {
  input: PlaceOrderInput;
};


export type MutationRecordCampaignSpendArgs = {
  input: RecordCampaignSpendInput;
};


export type MutationRecordPaymentArgs = {
  input: RecordPaymentInput;
};


export type MutationSetBaseCurrencyArgs = {
  input: SetBaseCurrencyInput;
};


export type MutationSetExchangeRateArgs = {
  input: SetExchangeRateInput;
};


export type MutationStartSubscriptionArgs = {
  input: StartSubscriptionInput;
};


export type MutationUpsertCampaignArgs = {
  input: UpsertCampaignInput;
};


export type MutationUpsertProductArgs = {
  input: UpsertProductInput;
};


export type MutationUpsertRoutingRuleArgs = {
  input: UpsertRoutingRuleInput;
};


export type MutationWinDealArgs = {
  input: WinDealInput;
};

export type Order = {
  __typename?: 'Order';
  /** Still to pay. */
  balance: Money;
  customer: Customer;
  dueAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  lines: Array<OrderLine>;
  /** Not fully paid and past its due date. */
  overdue: Scalars['Boolean']['output'];
  /** Paid so far. */
  paid: Money;
  /** When payments reached the total; null until then. */
  paidAt?: Maybe<Scalars['DateTime']['output']>;
  placedAt: Scalars['DateTime']['output'];
  status: OrderStatus;
  /** Computed from the lines' unit prices when the order was placed. */
  total: Money;
};

export type OrderConnection = {
  __typename?: 'OrderConnection';
  edges: Array<OrderEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type OrderEdge = {
  __typename?: 'OrderEdge';
  cursor: Scalars['String']['output'];
  node: Order;
};

export type OrderLine = {
  __typename?: 'OrderLine';
  product: Product;
  quantity: Scalars['Int']['output'];
  /** The product's price when the order was placed. */
  unitPrice: Money;
};

export type OrderLineInput = {
  productId: Scalars['ID']['input'];
  /** Greater than zero. */
  quantity: Scalars['Int']['input'];
};

export type OrderPayload = {
  __typename?: 'OrderPayload';
  order: Order;
};

/** Whether payments have covered the order's total. */
export type OrderStatus =
  | 'PAID'
  | 'PARTIALLY_PAID'
  | 'UNPAID';

/** Pagination state of a Relay connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** An ordered sequence of stages a deal moves through. */
export type Pipeline = {
  __typename?: 'Pipeline';
  id: Scalars['ID']['output'];
  /** Deals created without a pipeline or stage go to the default pipeline. */
  isDefault: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  /** In order: the first is where new deals start. */
  stages: Array<Stage>;
};

export type PipelinePayload = {
  __typename?: 'PipelinePayload';
  pipeline: Pipeline;
};

export type PlaceOrderInput = {
  customerId: Scalars['ID']['input'];
  dueAt?: InputMaybe<Scalars['DateTime']['input']>;
  lines: Array<OrderLineInput>;
  /** Defaults to now. */
  placedAt?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Something a tenant sells; order lines copy its price when the order is placed. */
export type Product = {
  __typename?: 'Product';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  price: Money;
  /** Sold as a subscription (monthly recurring revenue) rather than once. */
  recurring: Scalars['Boolean']['output'];
  /** Unique within the tenant. */
  sku: Scalars['String']['output'];
};

export type ProductPayload = {
  __typename?: 'ProductPayload';
  product: Product;
};

export type Query = {
  __typename?: 'Query';
  campaigns: Array<Campaign>;
  currencySettings: CurrencySettings;
  deal?: Maybe<Deal>;
  /** Newest first. */
  deals: DealConnection;
  /** Newest first. */
  leads: LeadConnection;
  /** Every pipeline of the tenant, the default one first; the default is created on first use. */
  pipelines: Array<Pipeline>;
  /** The tenant's products, by sku. */
  products: Array<Product>;
  routingRules: Array<RoutingRule>;
};


export type QueryDealArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDealsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DealFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryLeadsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<LeadStatus>;
};

export type RecordCampaignSpendInput = {
  /** Greater than zero, in the campaign's currency. */
  amount: Scalars['Float']['input'];
  campaignId: Scalars['ID']['input'];
  /** When given, must be the campaign's currency. */
  currency?: InputMaybe<Scalars['String']['input']>;
  periodEnd: Scalars['DateTime']['input'];
  periodStart: Scalars['DateTime']['input'];
};

export type RecordPaymentInput = {
  /** Greater than zero and at most the order's balance. */
  amount: Scalars['Float']['input'];
  orderId: Scalars['ID']['input'];
  /** Defaults to now. */
  paidAt?: InputMaybe<Scalars['DateTime']['input']>;
};

/** What a customer has bought and pays, in the tenant's base currency. */
export type RevenueSummary = {
  __typename?: 'RevenueSummary';
  firstOrderAt?: Maybe<Scalars['DateTime']['output']>;
  /** Paid revenue over the trailing twelve months. */
  last12Months: Money;
  lastOrderAt?: Maybe<Scalars['DateTime']['output']>;
  /** Paid revenue to date. */
  lifetime: Money;
  /** Monthly recurring revenue of active subscriptions. */
  mrr: Money;
  orderCount: Scalars['Int']['output'];
};

/** Leads matching every criterion the rule sets go to an available member with `skill`, least open load first. */
export type RoutingRule = {
  __typename?: 'RoutingRule';
  country?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  industry?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** Lower first: the first matching rule routes a lead. */
  priority: Scalars['Int']['output'];
  skill?: Maybe<Scalars['String']['output']>;
  source?: Maybe<Scalars['String']['output']>;
};

export type RoutingRulePayload = {
  __typename?: 'RoutingRulePayload';
  routingRule: RoutingRule;
};

/** Rates are relative to the base currency: changing it clears them. */
export type SetBaseCurrencyInput = {
  currency: Scalars['String']['input'];
};

export type SetExchangeRateInput = {
  currency: Scalars['String']['input'];
  rateToBase: Scalars['Float']['input'];
};

export type Stage = {
  __typename?: 'Stage';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** 1 for the first stage of its pipeline. */
  position: Scalars['Int']['output'];
  /** Win probability in [0, 1]. */
  probability: Scalars['Float']['output'];
};

export type StageChange = {
  __typename?: 'StageChange';
  changedAt: Scalars['DateTime']['output'];
  fromStage?: Maybe<Stage>;
  toStage: Stage;
};

export type StageInput = {
  name: Scalars['String']['input'];
  /** In [0, 1]. */
  probability: Scalars['Float']['input'];
};

export type StartSubscriptionInput = {
  /** Defaults to the product's currency; one currency per customer's active subscriptions. */
  currency?: InputMaybe<Scalars['String']['input']>;
  customerId: Scalars['ID']['input'];
  /** Defaults to the product's price. */
  mrr?: InputMaybe<Scalars['Float']['input']>;
  /** A recurring product. */
  productId: Scalars['ID']['input'];
  /** Defaults to now. */
  startedAt?: InputMaybe<Scalars['DateTime']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  customer: Customer;
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** Monthly recurring revenue. */
  mrr: Money;
  product: Product;
  startedAt: Scalars['DateTime']['output'];
};

export type SubscriptionPayload = {
  __typename?: 'SubscriptionPayload';
  subscription: Subscription;
};

/** Without `id`, the campaign with the same name is updated, otherwise one is created. */
export type UpsertCampaignInput = {
  channel: Scalars['String']['input'];
  /** The currency spend is recorded in; fixed once spend exists. */
  currency: Scalars['String']['input'];
  id?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
};

/** Without `id`, a product with the same `sku` is updated, otherwise one is created. */
export type UpsertProductInput = {
  currency: Scalars['String']['input'];
  id?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  price: Scalars['Float']['input'];
  recurring?: InputMaybe<Scalars['Boolean']['input']>;
  sku: Scalars['String']['input'];
};

/** Without `id`, a new rule. */
export type UpsertRoutingRuleInput = {
  country?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  industry?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** Defaults to 100. */
  priority?: InputMaybe<Scalars['Int']['input']>;
  skill?: InputMaybe<Scalars['String']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
};

export type WinDealInput = {
  dealId: Scalars['ID']['input'];
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
  Deal: Deal;
  Product: Product;
  Stage: Stage;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Deal:
    ( { __typename: 'Deal' }
    & GraphQLRecursivePick<FederationTypes['Deal'], {"id":true}> );
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
  Stage:
    ( { __typename: 'Stage' }
    & GraphQLRecursivePick<FederationTypes['Stage'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AssignLeadInput: AssignLeadInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Campaign: ResolverTypeWrapper<CampaignModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CampaignPayload: ResolverTypeWrapper<Omit<CampaignPayload, 'campaign'> & { campaign: ResolversTypes['Campaign'] }>;
  ChangeSubscriptionInput: ChangeSubscriptionInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ConvertLeadInput: ConvertLeadInput;
  CreateDealInput: CreateDealInput;
  CreateLeadInput: CreateLeadInput;
  CreatePipelineInput: CreatePipelineInput;
  CurrencySettings: ResolverTypeWrapper<CurrencySettingsModel>;
  CurrencySettingsPayload: ResolverTypeWrapper<Omit<CurrencySettingsPayload, 'currencySettings'> & { currencySettings: ResolversTypes['CurrencySettings'] }>;
  Customer: ResolverTypeWrapper<CustomerReference>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Deal: ResolverTypeWrapper<DealModel>;
  DealConnection: ResolverTypeWrapper<Omit<DealConnection, 'edges'> & { edges: Array<ResolversTypes['DealEdge']> }>;
  DealEdge: ResolverTypeWrapper<Omit<DealEdge, 'node'> & { node: ResolversTypes['Deal'] }>;
  DealFilter: DealFilter;
  DealPayload: ResolverTypeWrapper<Omit<DealPayload, 'deal'> & { deal: ResolversTypes['Deal'] }>;
  DealStatus: DealStatus;
  DisqualifyLeadInput: DisqualifyLeadInput;
  EndSubscriptionInput: EndSubscriptionInput;
  ExchangeRate: ResolverTypeWrapper<ExchangeRate>;
  ImportOrdersInput: ImportOrdersInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ImportRejection: ResolverTypeWrapper<ImportRejection>;
  ImportReport: ResolverTypeWrapper<ImportReport>;
  Lead: ResolverTypeWrapper<LeadModel>;
  LeadConnection: ResolverTypeWrapper<Omit<LeadConnection, 'edges'> & { edges: Array<ResolversTypes['LeadEdge']> }>;
  LeadEdge: ResolverTypeWrapper<Omit<LeadEdge, 'node'> & { node: ResolversTypes['Lead'] }>;
  LeadPayload: ResolverTypeWrapper<Omit<LeadPayload, 'lead'> & { lead: ResolversTypes['Lead'] }>;
  LeadStatus: LeadStatus;
  LoseDealInput: LoseDealInput;
  Money: ResolverTypeWrapper<MoneyModel>;
  MoveDealInput: MoveDealInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderModel>;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'edges'> & { edges: Array<ResolversTypes['OrderEdge']> }>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderLine: ResolverTypeWrapper<OrderLineModel>;
  OrderLineInput: OrderLineInput;
  OrderPayload: ResolverTypeWrapper<Omit<OrderPayload, 'order'> & { order: ResolversTypes['Order'] }>;
  OrderStatus: OrderStatus;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Pipeline: ResolverTypeWrapper<PipelineModel>;
  PipelinePayload: ResolverTypeWrapper<Omit<PipelinePayload, 'pipeline'> & { pipeline: ResolversTypes['Pipeline'] }>;
  PlaceOrderInput: PlaceOrderInput;
  Product: ResolverTypeWrapper<ProductModel>;
  ProductPayload: ResolverTypeWrapper<Omit<ProductPayload, 'product'> & { product: ResolversTypes['Product'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordCampaignSpendInput: RecordCampaignSpendInput;
  RecordPaymentInput: RecordPaymentInput;
  RevenueSummary: ResolverTypeWrapper<Omit<RevenueSummary, 'last12Months' | 'lifetime' | 'mrr'> & { last12Months: ResolversTypes['Money'], lifetime: ResolversTypes['Money'], mrr: ResolversTypes['Money'] }>;
  RoutingRule: ResolverTypeWrapper<RoutingRuleModel>;
  RoutingRulePayload: ResolverTypeWrapper<Omit<RoutingRulePayload, 'routingRule'> & { routingRule: ResolversTypes['RoutingRule'] }>;
  SetBaseCurrencyInput: SetBaseCurrencyInput;
  SetExchangeRateInput: SetExchangeRateInput;
  Stage: ResolverTypeWrapper<StageModel>;
  StageChange: ResolverTypeWrapper<StageChangeModel>;
  StageInput: StageInput;
  StartSubscriptionInput: StartSubscriptionInput;
  Subscription: ResolverTypeWrapper<SubscriptionModel>;
  SubscriptionPayload: ResolverTypeWrapper<Omit<SubscriptionPayload, 'subscription'> & { subscription: ResolversTypes['Subscription'] }>;
  UpsertCampaignInput: UpsertCampaignInput;
  UpsertProductInput: UpsertProductInput;
  UpsertRoutingRuleInput: UpsertRoutingRuleInput;
  WinDealInput: WinDealInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AssignLeadInput: AssignLeadInput;
  ID: Scalars['ID']['output'];
  Campaign: CampaignModel;
  String: Scalars['String']['output'];
  CampaignPayload: Omit<CampaignPayload, 'campaign'> & { campaign: ResolversParentTypes['Campaign'] };
  ChangeSubscriptionInput: ChangeSubscriptionInput;
  Float: Scalars['Float']['output'];
  ConvertLeadInput: ConvertLeadInput;
  CreateDealInput: CreateDealInput;
  CreateLeadInput: CreateLeadInput;
  CreatePipelineInput: CreatePipelineInput;
  CurrencySettings: CurrencySettingsModel;
  CurrencySettingsPayload: Omit<CurrencySettingsPayload, 'currencySettings'> & { currencySettings: ResolversParentTypes['CurrencySettings'] };
  Customer: CustomerReference;
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  Deal: DealModel;
  DealConnection: Omit<DealConnection, 'edges'> & { edges: Array<ResolversParentTypes['DealEdge']> };
  DealEdge: Omit<DealEdge, 'node'> & { node: ResolversParentTypes['Deal'] };
  DealFilter: DealFilter;
  DealPayload: Omit<DealPayload, 'deal'> & { deal: ResolversParentTypes['Deal'] };
  DisqualifyLeadInput: DisqualifyLeadInput;
  EndSubscriptionInput: EndSubscriptionInput;
  ExchangeRate: ExchangeRate;
  ImportOrdersInput: ImportOrdersInput;
  Boolean: Scalars['Boolean']['output'];
  ImportRejection: ImportRejection;
  ImportReport: ImportReport;
  Lead: LeadModel;
  LeadConnection: Omit<LeadConnection, 'edges'> & { edges: Array<ResolversParentTypes['LeadEdge']> };
  LeadEdge: Omit<LeadEdge, 'node'> & { node: ResolversParentTypes['Lead'] };
  LeadPayload: Omit<LeadPayload, 'lead'> & { lead: ResolversParentTypes['Lead'] };
  LoseDealInput: LoseDealInput;
  Money: MoneyModel;
  MoveDealInput: MoveDealInput;
  Mutation: Record<PropertyKey, never>;
  Order: OrderModel;
  OrderConnection: Omit<OrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['OrderEdge']> };
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderLine: OrderLineModel;
  OrderLineInput: OrderLineInput;
  OrderPayload: Omit<OrderPayload, 'order'> & { order: ResolversParentTypes['Order'] };
  PageInfo: PageInfo;
  Pipeline: PipelineModel;
  PipelinePayload: Omit<PipelinePayload, 'pipeline'> & { pipeline: ResolversParentTypes['Pipeline'] };
  PlaceOrderInput: PlaceOrderInput;
  Product: ProductModel;
  ProductPayload: Omit<ProductPayload, 'product'> & { product: ResolversParentTypes['Product'] };
  Query: Record<PropertyKey, never>;
  RecordCampaignSpendInput: RecordCampaignSpendInput;
  RecordPaymentInput: RecordPaymentInput;
  RevenueSummary: Omit<RevenueSummary, 'last12Months' | 'lifetime' | 'mrr'> & { last12Months: ResolversParentTypes['Money'], lifetime: ResolversParentTypes['Money'], mrr: ResolversParentTypes['Money'] };
  RoutingRule: RoutingRuleModel;
  RoutingRulePayload: Omit<RoutingRulePayload, 'routingRule'> & { routingRule: ResolversParentTypes['RoutingRule'] };
  SetBaseCurrencyInput: SetBaseCurrencyInput;
  SetExchangeRateInput: SetExchangeRateInput;
  Stage: StageModel;
  StageChange: StageChangeModel;
  StageInput: StageInput;
  StartSubscriptionInput: StartSubscriptionInput;
  Subscription: SubscriptionModel;
  SubscriptionPayload: Omit<SubscriptionPayload, 'subscription'> & { subscription: ResolversParentTypes['Subscription'] };
  UpsertCampaignInput: UpsertCampaignInput;
  UpsertProductInput: UpsertProductInput;
  UpsertRoutingRuleInput: UpsertRoutingRuleInput;
  WinDealInput: WinDealInput;
};

export type CampaignResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Campaign'] = ResolversParentTypes['Campaign']> = {
  channel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  spend?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type CampaignPayloadResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['CampaignPayload'] = ResolversParentTypes['CampaignPayload']> = {
  campaign?: Resolver<ResolversTypes['Campaign'], ParentType, ContextType>;
};

export type CurrencySettingsResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['CurrencySettings'] = ResolversParentTypes['CurrencySettings']> = {
  baseCurrency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rates?: Resolver<Array<ResolversTypes['ExchangeRate']>, ParentType, ContextType>;
};

export type CurrencySettingsPayloadResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['CurrencySettingsPayload'] = ResolversParentTypes['CurrencySettingsPayload']> = {
  currencySettings?: Resolver<ResolversTypes['CurrencySettings'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  deals?: Resolver<Maybe<Array<ResolversTypes['Deal']>>, ParentType, ContextType, Partial<CustomerDealsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orders?: Resolver<Maybe<ResolversTypes['OrderConnection']>, ParentType, ContextType, RequireFields<CustomerOrdersArgs, 'first'>>;
  revenue?: Resolver<Maybe<ResolversTypes['RevenueSummary']>, ParentType, ContextType>;
  subscriptions?: Resolver<Maybe<Array<ResolversTypes['Subscription']>>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DealResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Deal'] = ResolversParentTypes['Deal'], FederationReferenceType extends FederationReferenceTypes['Deal'] = FederationReferenceTypes['Deal']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Deal']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  amountInBaseCurrency?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  expectedCloseAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['StageChange']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lostReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ownerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['Stage'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DealStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DealConnectionResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['DealConnection'] = ResolversParentTypes['DealConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DealEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DealEdgeResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['DealEdge'] = ResolversParentTypes['DealEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Deal'], ParentType, ContextType>;
};

export type DealPayloadResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['DealPayload'] = ResolversParentTypes['DealPayload']> = {
  deal?: Resolver<ResolversTypes['Deal'], ParentType, ContextType>;
};

export type ExchangeRateResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['ExchangeRate'] = ResolversParentTypes['ExchangeRate']> = {
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rateToBase?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ImportRejectionResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['ImportRejection'] = ResolversParentTypes['ImportRejection']> = {
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  row?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImportReportResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['ImportReport'] = ResolversParentTypes['ImportReport']> = {
  imported?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<Array<ResolversTypes['ImportRejection']>, ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LeadResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Lead'] = ResolversParentTypes['Lead']> = {
  assigneeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  campaign?: Resolver<Maybe<ResolversTypes['Campaign']>, ParentType, ContextType>;
  company?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  convertedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  industry?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['LeadStatus'], ParentType, ContextType>;
};

export type LeadConnectionResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['LeadConnection'] = ResolversParentTypes['LeadConnection']> = {
  edges?: Resolver<Array<ResolversTypes['LeadEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LeadEdgeResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['LeadEdge'] = ResolversParentTypes['LeadEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Lead'], ParentType, ContextType>;
};

export type LeadPayloadResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['LeadPayload'] = ResolversParentTypes['LeadPayload']> = {
  lead?: Resolver<ResolversTypes['Lead'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  assignLead?: Resolver<ResolversTypes['LeadPayload'], ParentType, ContextType, RequireFields<MutationAssignLeadArgs, 'input'>>;
  changeSubscription?: Resolver<ResolversTypes['SubscriptionPayload'], ParentType, ContextType, RequireFields<MutationChangeSubscriptionArgs, 'input'>>;
  convertLead?: Resolver<ResolversTypes['LeadPayload'], ParentType, ContextType, RequireFields<MutationConvertLeadArgs, 'input'>>;
  createDeal?: Resolver<ResolversTypes['DealPayload'], ParentType, ContextType, RequireFields<MutationCreateDealArgs, 'input'>>;
  createLead?: Resolver<ResolversTypes['LeadPayload'], ParentType, ContextType, RequireFields<MutationCreateLeadArgs, 'input'>>;
  createPipeline?: Resolver<ResolversTypes['PipelinePayload'], ParentType, ContextType, RequireFields<MutationCreatePipelineArgs, 'input'>>;
  disqualifyLead?: Resolver<ResolversTypes['LeadPayload'], ParentType, ContextType, RequireFields<MutationDisqualifyLeadArgs, 'input'>>;
  endSubscription?: Resolver<ResolversTypes['SubscriptionPayload'], ParentType, ContextType, RequireFields<MutationEndSubscriptionArgs, 'input'>>;
  importOrders?: Resolver<ResolversTypes['ImportReport'], ParentType, ContextType, RequireFields<MutationImportOrdersArgs, 'input'>>;
  loseDeal?: Resolver<ResolversTypes['DealPayload'], ParentType, ContextType, RequireFields<MutationLoseDealArgs, 'input'>>;
  moveDeal?: Resolver<ResolversTypes['DealPayload'], ParentType, ContextType, RequireFields<MutationMoveDealArgs, 'input'>>;
  placeOrder?: Resolver<ResolversTypes['OrderPayload'], ParentType, ContextType, RequireFields<MutationPlaceOrderArgs, 'input'>>;
  recordCampaignSpend?: Resolver<ResolversTypes['CampaignPayload'], ParentType, ContextType, RequireFields<MutationRecordCampaignSpendArgs, 'input'>>;
  recordPayment?: Resolver<ResolversTypes['OrderPayload'], ParentType, ContextType, RequireFields<MutationRecordPaymentArgs, 'input'>>;
  setBaseCurrency?: Resolver<ResolversTypes['CurrencySettingsPayload'], ParentType, ContextType, RequireFields<MutationSetBaseCurrencyArgs, 'input'>>;
  setExchangeRate?: Resolver<ResolversTypes['CurrencySettingsPayload'], ParentType, ContextType, RequireFields<MutationSetExchangeRateArgs, 'input'>>;
  startSubscription?: Resolver<ResolversTypes['SubscriptionPayload'], ParentType, ContextType, RequireFields<MutationStartSubscriptionArgs, 'input'>>;
  upsertCampaign?: Resolver<ResolversTypes['CampaignPayload'], ParentType, ContextType, RequireFields<MutationUpsertCampaignArgs, 'input'>>;
  upsertProduct?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationUpsertProductArgs, 'input'>>;
  upsertRoutingRule?: Resolver<ResolversTypes['RoutingRulePayload'], ParentType, ContextType, RequireFields<MutationUpsertRoutingRuleArgs, 'input'>>;
  winDeal?: Resolver<ResolversTypes['DealPayload'], ParentType, ContextType, RequireFields<MutationWinDealArgs, 'input'>>;
};

export type OrderResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = {
  balance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  dueAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderLine']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  paidAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  placedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type OrderConnectionResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OrderEdgeResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
};

export type OrderLineResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = {
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type OrderPayloadResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['OrderPayload'] = ResolversParentTypes['OrderPayload']> = {
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PipelineResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Pipeline'] = ResolversParentTypes['Pipeline']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stages?: Resolver<Array<ResolversTypes['Stage']>, ParentType, ContextType>;
};

export type PipelinePayloadResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['PipelinePayload'] = ResolversParentTypes['PipelinePayload']> = {
  pipeline?: Resolver<ResolversTypes['Pipeline'], ParentType, ContextType>;
};

export type ProductResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  recurring?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProductPayloadResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['ProductPayload'] = ResolversParentTypes['ProductPayload']> = {
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  campaigns?: Resolver<Array<ResolversTypes['Campaign']>, ParentType, ContextType>;
  currencySettings?: Resolver<ResolversTypes['CurrencySettings'], ParentType, ContextType>;
  deal?: Resolver<Maybe<ResolversTypes['Deal']>, ParentType, ContextType, RequireFields<QueryDealArgs, 'id'>>;
  deals?: Resolver<ResolversTypes['DealConnection'], ParentType, ContextType, RequireFields<QueryDealsArgs, 'first'>>;
  leads?: Resolver<ResolversTypes['LeadConnection'], ParentType, ContextType, RequireFields<QueryLeadsArgs, 'first'>>;
  pipelines?: Resolver<Array<ResolversTypes['Pipeline']>, ParentType, ContextType>;
  products?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType>;
  routingRules?: Resolver<Array<ResolversTypes['RoutingRule']>, ParentType, ContextType>;
};

export type RevenueSummaryResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['RevenueSummary'] = ResolversParentTypes['RevenueSummary']> = {
  firstOrderAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  last12Months?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  lastOrderAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lifetime?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  mrr?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  orderCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RoutingRuleResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['RoutingRule'] = ResolversParentTypes['RoutingRule']> = {
  country?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  industry?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  skill?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RoutingRulePayloadResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['RoutingRulePayload'] = ResolversParentTypes['RoutingRulePayload']> = {
  routingRule?: Resolver<ResolversTypes['RoutingRule'], ParentType, ContextType>;
};

export type StageResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Stage'] = ResolversParentTypes['Stage'], FederationReferenceType extends FederationReferenceTypes['Stage'] = FederationReferenceTypes['Stage']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Stage']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  probability?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type StageChangeResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['StageChange'] = ResolversParentTypes['StageChange']> = {
  changedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fromStage?: Resolver<Maybe<ResolversTypes['Stage']>, ParentType, ContextType>;
  toStage?: Resolver<ResolversTypes['Stage'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  customer?: SubscriptionResolver<ResolversTypes['Customer'], "customer", ParentType, ContextType>;
  endedAt?: SubscriptionResolver<Maybe<ResolversTypes['DateTime']>, "endedAt", ParentType, ContextType>;
  id?: SubscriptionResolver<ResolversTypes['ID'], "id", ParentType, ContextType>;
  mrr?: SubscriptionResolver<ResolversTypes['Money'], "mrr", ParentType, ContextType>;
  product?: SubscriptionResolver<ResolversTypes['Product'], "product", ParentType, ContextType>;
  startedAt?: SubscriptionResolver<ResolversTypes['DateTime'], "startedAt", ParentType, ContextType>;
};

export type SubscriptionPayloadResolvers<ContextType = SalesContext, ParentType extends ResolversParentTypes['SubscriptionPayload'] = ResolversParentTypes['SubscriptionPayload']> = {
  subscription?: Resolver<ResolversTypes['Subscription'], ParentType, ContextType>;
};

export type Resolvers<ContextType = SalesContext> = {
  Campaign?: CampaignResolvers<ContextType>;
  CampaignPayload?: CampaignPayloadResolvers<ContextType>;
  CurrencySettings?: CurrencySettingsResolvers<ContextType>;
  CurrencySettingsPayload?: CurrencySettingsPayloadResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Deal?: DealResolvers<ContextType>;
  DealConnection?: DealConnectionResolvers<ContextType>;
  DealEdge?: DealEdgeResolvers<ContextType>;
  DealPayload?: DealPayloadResolvers<ContextType>;
  ExchangeRate?: ExchangeRateResolvers<ContextType>;
  ImportRejection?: ImportRejectionResolvers<ContextType>;
  ImportReport?: ImportReportResolvers<ContextType>;
  Lead?: LeadResolvers<ContextType>;
  LeadConnection?: LeadConnectionResolvers<ContextType>;
  LeadEdge?: LeadEdgeResolvers<ContextType>;
  LeadPayload?: LeadPayloadResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  OrderPayload?: OrderPayloadResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Pipeline?: PipelineResolvers<ContextType>;
  PipelinePayload?: PipelinePayloadResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductPayload?: ProductPayloadResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RevenueSummary?: RevenueSummaryResolvers<ContextType>;
  RoutingRule?: RoutingRuleResolvers<ContextType>;
  RoutingRulePayload?: RoutingRulePayloadResolvers<ContextType>;
  Stage?: StageResolvers<ContextType>;
  StageChange?: StageChangeResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  SubscriptionPayload?: SubscriptionPayloadResolvers<ContextType>;
};

