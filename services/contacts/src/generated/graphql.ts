import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerModel } from '../modules/customer/customer.model.js';
import type { DuplicateGroupModel } from '../modules/customer/customer-merge.service.js';
import type { DataQualityModel, DataQualityReportModel } from '../modules/data-quality/data-quality.service.js';
import type { ContactModel } from '../modules/contact/contact.model.js';
import type { InteractionModel } from '../modules/interaction/interaction.model.js';
import type { TaskModel } from '../modules/task/task.model.js';
import type { MemberModel } from '../modules/member/member.model.js';
import type { FieldDefinitionModel } from '../modules/field-definition/field-definition.model.js';
import type { ContactsContext } from '../context.js';
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
  JSON: { input: Record<string, unknown>; output: Record<string, unknown>; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type AddContactInput = {
  customerId: Scalars['ID']['input'];
  email?: InputMaybe<Scalars['String']['input']>;
  emailConsent?: InputMaybe<Scalars['Boolean']['input']>;
  firstName: Scalars['String']['input'];
  lastName?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  phoneConsent?: InputMaybe<Scalars['Boolean']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** At most 1,000 contacts, added all or none. */
export type AddContactsInput = {
  contacts: Array<AddContactInput>;
};

export type AddContactsPayload = {
  __typename?: 'AddContactsPayload';
  /** In the order of the input. */
  contacts: Array<Contact>;
};

export type CompleteTaskInput = {
  id: Scalars['ID']['input'];
};

/** Consent of a person to be contacted; no answer counts as no consent. */
export type Consent = {
  __typename?: 'Consent';
  email: Scalars['Boolean']['output'];
  phone: Scalars['Boolean']['output'];
  /** When the consent was last given or withdrawn; null if never answered. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A person at a customer. */
export type Contact = {
  __typename?: 'Contact';
  consent: Consent;
  customer: Customer;
  email?: Maybe<Scalars['String']['output']>;
  firstName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastName?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
  title?: Maybe<Scalars['String']['output']>;
};

export type ContactPayload = {
  __typename?: 'ContactPayload';
  contact: Contact;
};

export type CreateCustomerInput = {
  country?: InputMaybe<Scalars['String']['input']>;
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  domain?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  industry?: InputMaybe<Scalars['String']['input']>;
  kind: CustomerKind;
  name: Scalars['String']['input'];
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** A customer of the same workspace; NOT_FOUND otherwise. */
  referredById?: InputMaybe<Scalars['ID']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type CreateTaskInput = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  customerId: Scalars['ID']['input'];
  dueAt?: InputMaybe<Scalars['DateTime']['input']>;
  title: Scalars['String']['input'];
};

/** An account: a business or an individual. The entity every subgraph extends. */
export type Customer = {
  __typename?: 'Customer';
  /** The people at this customer, oldest first. */
  contacts: Array<Contact>;
  /** ISO-3166 alpha-2; the sales territory. */
  country?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  customFields: Scalars['JSON']['output'];
  dataQuality: DataQuality;
  /** Web domain (businesses). */
  domain?: Maybe<Scalars['String']['output']>;
  /** Primary email (individuals) or billing email. */
  email?: Maybe<Scalars['String']['output']>;
  /** The id in the system the customer was imported from. */
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  industry?: Maybe<Scalars['String']['output']>;
  /** The timeline, newest first. */
  interactions: InteractionConnection;
  kind: CustomerKind;
  lifecycleStage: LifecycleStage;
  name: Scalars['String']['output'];
  /** Member who owns the relationship. */
  ownerId?: Maybe<Scalars['ID']['output']>;
  /** The customer who referred this one. */
  referredBy?: Maybe<Customer>;
  /** Acquisition channel, e.g. referral, ads, organic. */
  source?: Maybe<Scalars['String']['output']>;
  tags: Array<Scalars['String']['output']>;
  /** Oldest first; all when status is omitted. */
  tasks: Array<Task>;
  updatedAt: Scalars['DateTime']['output'];
};


/** An account: a business or an individual. The entity every subgraph extends. */
export type CustomerInteractionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** An account: a business or an individual. The entity every subgraph extends. */
export type CustomerTasksArgs = {
  status?: InputMaybe<TaskStatus>;
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

/** Every condition given must hold. */
export type CustomerFilter = {
  /** ISO-3166 alpha-2, any case. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** Created at or after this instant. */
  createdAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Created before this instant. */
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
  kind?: InputMaybe<CustomerKind>;
  lifecycleStage?: InputMaybe<LifecycleStage>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** Customers carrying this tag. */
  tag?: InputMaybe<Scalars['String']['input']>;
};

export type CustomerKind =
  | 'BUSINESS'
  | 'INDIVIDUAL';

export type CustomerPayload = {
  __typename?: 'CustomerPayload';
  customer: Customer;
};

/** How complete a customer is against the workspace's required fields (seed 004). */
export type DataQuality = {
  __typename?: 'DataQuality';
  /** Required custom fields without a value, as customFields.<name>. */
  missingFields: Array<Scalars['String']['output']>;
  /** Share of required fields filled, in [0,1]; 1 when the workspace requires none. */
  score: Scalars['Float']['output'];
};

export type DataQualityReport = {
  __typename?: 'DataQualityReport';
  /** Mean DataQuality.score over the customers. */
  averageScore: Scalars['Float']['output'];
  /** Customers counted (erased ones are not). */
  customers: Scalars['Int']['output'];
  fillRates: Array<FieldFillRate>;
  /** Customers not updated in 180 days. */
  staleRecords: Scalars['Int']['output'];
  /** Customers in at least one duplicateCustomers group. */
  suspectedDuplicates: Scalars['Int']['output'];
};

/** Customers that look like one: the same email, the same domain, or very similar names in one country. */
export type DuplicateGroup = {
  __typename?: 'DuplicateGroup';
  customers: Array<Customer>;
  /** For example "same email: a@b.example" or "similar names in GB". */
  reason: Scalars['String']['output'];
};

export type EraseCustomerInput = {
  id: Scalars['ID']['input'];
};

export type EraseCustomerPayload = {
  __typename?: 'EraseCustomerPayload';
  /** The customer as kept: placeholders and anonymous facts only. */
  customer: Customer;
  erasedAt: Scalars['DateTime']['output'];
};

/** A custom field of the workspace's customers: its type, the team that owns keeping it filled, and whether the data-quality standard requires it. */
export type FieldDefinition = {
  __typename?: 'FieldDefinition';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  owningTeam: Scalars['String']['output'];
  /** Counted by dataQuality when missing; not enforced on write, since records arrive incomplete. */
  required: Scalars['Boolean']['output'];
  type: FieldType;
};

export type FieldDefinitionPayload = {
  __typename?: 'FieldDefinitionPayload';
  fieldDefinition: FieldDefinition;
};

/** How filled one field is across the workspace's customers. */
export type FieldFillRate = {
  __typename?: 'FieldFillRate';
  /** A built-in field (email, domain, industry, country, ownerId, source) or customFields.<name>. */
  field: Scalars['String']['output'];
  /** Share of customers with a value, in [0,1]. */
  fillRate: Scalars['Float']['output'];
  /** The team that owns keeping it filled; null for built-in fields. */
  owningTeam?: Maybe<Scalars['String']['output']>;
  required: Scalars['Boolean']['output'];
};

export type FieldType =
  | 'BOOLEAN'
  /** An ISO-8601 date or date-time string. */
  | 'DATE'
  | 'NUMBER'
  | 'STRING';

/**
 * CSV text, at most 5,000 rows (larger files: POST /imports/customers on the gateway). Header:
 * name,kind,email,domain,industry,country,externalId,tags (tags separated by |; name and kind
 * required). A row matching a customer by externalId, then by email, updates it; empty cells keep
 * what the customer has.
 */
export type ImportCustomersInput = {
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

/**
 * One entry of a customer's timeline. A lifecycle move (setLifecycleStage) appears as a NOTE
 * whose lifecycleChange is set, whose summary reads "Lifecycle stage: FROM -> TO" and whose
 * memberId is who moved it; it is not published as InteractionRecorded (LifecycleStageChanged is).
 */
export type Interaction = {
  __typename?: 'Interaction';
  feature?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: InteractionKind;
  /** Set only on the NOTE that records a lifecycle move. */
  lifecycleChange?: Maybe<LifecycleChange>;
  memberId?: Maybe<Scalars['ID']['output']>;
  occurredAt: Scalars['DateTime']['output'];
  summary?: Maybe<Scalars['String']['output']>;
};

export type InteractionConnection = {
  __typename?: 'InteractionConnection';
  edges: Array<InteractionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type InteractionEdge = {
  __typename?: 'InteractionEdge';
  cursor: Scalars['String']['output'];
  node: Interaction;
};

export type InteractionKind =
  | 'CALL'
  | 'EMAIL'
  | 'LOGIN'
  | 'MEETING'
  | 'NOTE'
  /** Use of a product feature, named in feature. */
  | 'PRODUCT_USAGE';

export type InteractionPayload = {
  __typename?: 'InteractionPayload';
  interaction: Interaction;
};

/** A lifecycle move as shown on the timeline. */
export type LifecycleChange = {
  __typename?: 'LifecycleChange';
  fromStage: LifecycleStage;
  toStage: LifecycleStage;
};

export type LifecycleStage =
  | 'ACQUISITION'
  | 'ADVOCACY'
  | 'EXPANSION'
  | 'NURTURING'
  | 'RETENTION';

/** A member of the workspace's team directory. */
export type Member = {
  __typename?: 'Member';
  available: Scalars['Boolean']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  skills: Array<Scalars['String']['output']>;
  team?: Maybe<Scalars['String']['output']>;
  /** Sales territories, as ISO-3166 alpha-2 country codes or region names, upper-cased. */
  territories: Array<Scalars['String']['output']>;
};

export type MemberPayload = {
  __typename?: 'MemberPayload';
  member: Member;
};

/**
 * Merges customers into the survivor, atomically: it takes their contacts, interactions, tasks,
 * tags and custom fields, and any field it lacks. A merged id keeps resolving to the survivor.
 */
export type MergeCustomersInput = {
  mergedIds: Array<Scalars['ID']['input']>;
  survivorId: Scalars['ID']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  addContact: ContactPayload;
  /** Many contacts in one transaction, each checked and published as addContact does; an error names the item (contacts[3].email). */
  addContacts: AddContactsPayload;
  /** Completing a task twice leaves it done. */
  completeTask: TaskPayload;
  createCustomer: CustomerPayload;
  createTask: TaskPayload;
  /**
   * Right to erasure, admin only: removes the customer's personal data (names, emails, phones,
   * domain, tags, custom field values, interaction summaries, task titles) and keeps anonymous
   * facts; publishes CustomerErased so that every service erases what it holds.
   */
  eraseCustomer: EraseCustomerPayload;
  importCustomers: ImportReport;
  mergeCustomers: CustomerPayload;
  recordInteraction: InteractionPayload;
  /** Many interactions in one transaction, each checked and published as recordInteraction does; an error names the item (interactions[3].customerId). */
  recordInteractions: RecordInteractionsPayload;
  /**
   * Moves the customer by hand: publishes LifecycleStageChanged and adds a NOTE with
   * lifecycleChange to the timeline. Setting the current stage changes nothing.
   */
  setLifecycleStage: CustomerPayload;
  /** Consent given or withdrawn, with the time it changed; published as ContactConsentChanged (support stops surveying without email consent). */
  updateContactConsent: ContactPayload;
  updateCustomer: CustomerPayload;
  upsertFieldDefinition: FieldDefinitionPayload;
  upsertMember: MemberPayload;
};


export type MutationAddContactArgs = {
  input: AddContactInput;
};


export type MutationAddContactsArgs = {
  input: AddContactsInput;
};


export type MutationCompleteTaskArgs = {
  input: CompleteTaskInput;
};


export type MutationCreateCustomerArgs = {
  input: CreateCustomerInput;
};


export type MutationCreateTaskArgs = {
  input: CreateTaskInput;
};


export type MutationEraseCustomerArgs = {
  input: EraseCustomerInput;
};


export type MutationImportCustomersArgs = {
  input: ImportCustomersInput;
};


export type MutationMergeCustomersArgs = {
  input: MergeCustomersInput;
};


export type MutationRecordInteractionArgs = {
  input: RecordInteractionInput;
};


export type MutationRecordInteractionsArgs = {
  input: RecordInteractionsInput;
};


export type MutationSetLifecycleStageArgs = {
  input: SetLifecycleStageInput;
};


export type MutationUpdateContactConsentArgs = {
  input: UpdateContactConsentInput;
};


export type MutationUpdateCustomerArgs = {
  input: UpdateCustomerInput;
};


export type MutationUpsertFieldDefinitionArgs = {
  input: UpsertFieldDefinitionInput;
};


export type MutationUpsertMemberArgs = {
  input: UpsertMemberInput;
};

/** Pagination state of a Relay connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** A customer of the caller's tenant; null when absent or of another tenant. */
  customer?: Maybe<Customer>;
  /** Oldest first; totalCount counts every customer matching the filter. */
  customers: CustomerConnection;
  dataQualityReport: DataQualityReport;
  /** Suspected duplicates, at most first groups; a customer may appear in one group per reason. */
  duplicateCustomers: Array<DuplicateGroup>;
  fieldDefinitions: Array<FieldDefinition>;
  members: Array<Member>;
  /** Best match first, over name, email, domain and contact names; tolerates typos. */
  searchCustomers: Array<Customer>;
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CustomerFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDuplicateCustomersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySearchCustomersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
};

/** occurredAt defaults to now; PRODUCT_USAGE needs feature. */
export type RecordInteractionInput = {
  customerId: Scalars['ID']['input'];
  feature?: InputMaybe<Scalars['String']['input']>;
  kind: InteractionKind;
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
};

/** At most 1,000 interactions, recorded all or none. */
export type RecordInteractionsInput = {
  interactions: Array<RecordInteractionInput>;
};

export type RecordInteractionsPayload = {
  __typename?: 'RecordInteractionsPayload';
  /** In the order of the input. */
  interactions: Array<Interaction>;
};

export type SetLifecycleStageInput = {
  customerId: Scalars['ID']['input'];
  stage: LifecycleStage;
};

/** A follow-up on a customer. */
export type Task = {
  __typename?: 'Task';
  assigneeId?: Maybe<Scalars['ID']['output']>;
  dueAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** Why the task exists, when another service's event created it. */
  reason?: Maybe<Scalars['String']['output']>;
  status: TaskStatus;
  title: Scalars['String']['output'];
};

export type TaskPayload = {
  __typename?: 'TaskPayload';
  task: Task;
};

export type TaskStatus =
  | 'DONE'
  | 'OPEN';

/** Gives or withdraws a contact's consent; a field left out keeps its value. */
export type UpdateContactConsentInput = {
  contactId: Scalars['ID']['input'];
  email?: InputMaybe<Scalars['Boolean']['input']>;
  phone?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Only the fields present change; an explicit null clears a field (name cannot be cleared). */
export type UpdateCustomerInput = {
  country?: InputMaybe<Scalars['String']['input']>;
  /** Merged into the stored values: a key set to null removes that value. */
  customFields?: InputMaybe<Scalars['JSON']['input']>;
  domain?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  industry?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Creates the field, or changes the one of that name. Admin only. */
export type UpsertFieldDefinitionInput = {
  name: Scalars['String']['input'];
  owningTeam: Scalars['String']['input'];
  required?: InputMaybe<Scalars['Boolean']['input']>;
  type: FieldType;
};

/** With id: changes that member; without: the member with this email, or a new one. Admin only. */
export type UpsertMemberInput = {
  available?: InputMaybe<Scalars['Boolean']['input']>;
  email: Scalars['String']['input'];
  id?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  skills?: InputMaybe<Array<Scalars['String']['input']>>;
  team?: InputMaybe<Scalars['String']['input']>;
  territories?: InputMaybe<Array<Scalars['String']['input']>>;
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
  AddContactInput: AddContactInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AddContactsInput: AddContactsInput;
  AddContactsPayload: ResolverTypeWrapper<Omit<AddContactsPayload, 'contacts'> & { contacts: Array<ResolversTypes['Contact']> }>;
  CompleteTaskInput: CompleteTaskInput;
  Consent: ResolverTypeWrapper<Consent>;
  Contact: ResolverTypeWrapper<ContactModel>;
  ContactPayload: ResolverTypeWrapper<Omit<ContactPayload, 'contact'> & { contact: ResolversTypes['Contact'] }>;
  CreateCustomerInput: CreateCustomerInput;
  CreateTaskInput: CreateTaskInput;
  Customer: ResolverTypeWrapper<CustomerModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CustomerConnection: ResolverTypeWrapper<Omit<CustomerConnection, 'edges'> & { edges: Array<ResolversTypes['CustomerEdge']> }>;
  CustomerEdge: ResolverTypeWrapper<Omit<CustomerEdge, 'node'> & { node: ResolversTypes['Customer'] }>;
  CustomerFilter: CustomerFilter;
  CustomerKind: CustomerKind;
  CustomerPayload: ResolverTypeWrapper<Omit<CustomerPayload, 'customer'> & { customer: ResolversTypes['Customer'] }>;
  DataQuality: ResolverTypeWrapper<DataQualityModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  DataQualityReport: ResolverTypeWrapper<DataQualityReportModel>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DuplicateGroup: ResolverTypeWrapper<DuplicateGroupModel>;
  EraseCustomerInput: EraseCustomerInput;
  EraseCustomerPayload: ResolverTypeWrapper<Omit<EraseCustomerPayload, 'customer'> & { customer: ResolversTypes['Customer'] }>;
  FieldDefinition: ResolverTypeWrapper<FieldDefinitionModel>;
  FieldDefinitionPayload: ResolverTypeWrapper<Omit<FieldDefinitionPayload, 'fieldDefinition'> & { fieldDefinition: ResolversTypes['FieldDefinition'] }>;
  FieldFillRate: ResolverTypeWrapper<FieldFillRate>;
  FieldType: FieldType;
  ImportCustomersInput: ImportCustomersInput;
  ImportRejection: ResolverTypeWrapper<ImportRejection>;
  ImportReport: ResolverTypeWrapper<ImportReport>;
  Interaction: ResolverTypeWrapper<InteractionModel>;
  InteractionConnection: ResolverTypeWrapper<Omit<InteractionConnection, 'edges'> & { edges: Array<ResolversTypes['InteractionEdge']> }>;
  InteractionEdge: ResolverTypeWrapper<Omit<InteractionEdge, 'node'> & { node: ResolversTypes['Interaction'] }>;
  InteractionKind: InteractionKind;
  InteractionPayload: ResolverTypeWrapper<Omit<InteractionPayload, 'interaction'> & { interaction: ResolversTypes['Interaction'] }>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LifecycleChange: ResolverTypeWrapper<LifecycleChange>;
  LifecycleStage: LifecycleStage;
  Member: ResolverTypeWrapper<MemberModel>;
  MemberPayload: ResolverTypeWrapper<Omit<MemberPayload, 'member'> & { member: ResolversTypes['Member'] }>;
  MergeCustomersInput: MergeCustomersInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordInteractionInput: RecordInteractionInput;
  RecordInteractionsInput: RecordInteractionsInput;
  RecordInteractionsPayload: ResolverTypeWrapper<Omit<RecordInteractionsPayload, 'interactions'> & { interactions: Array<ResolversTypes['Interaction']> }>;
  SetLifecycleStageInput: SetLifecycleStageInput;
  Task: ResolverTypeWrapper<TaskModel>;
  TaskPayload: ResolverTypeWrapper<Omit<TaskPayload, 'task'> & { task: ResolversTypes['Task'] }>;
  TaskStatus: TaskStatus;
  UpdateContactConsentInput: UpdateContactConsentInput;
  UpdateCustomerInput: UpdateCustomerInput;
  UpsertFieldDefinitionInput: UpsertFieldDefinitionInput;
  UpsertMemberInput: UpsertMemberInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AddContactInput: AddContactInput;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  AddContactsInput: AddContactsInput;
  AddContactsPayload: Omit<AddContactsPayload, 'contacts'> & { contacts: Array<ResolversParentTypes['Contact']> };
  CompleteTaskInput: CompleteTaskInput;
  Consent: Consent;
  Contact: ContactModel;
  ContactPayload: Omit<ContactPayload, 'contact'> & { contact: ResolversParentTypes['Contact'] };
  CreateCustomerInput: CreateCustomerInput;
  CreateTaskInput: CreateTaskInput;
  Customer: CustomerModel;
  Int: Scalars['Int']['output'];
  CustomerConnection: Omit<CustomerConnection, 'edges'> & { edges: Array<ResolversParentTypes['CustomerEdge']> };
  CustomerEdge: Omit<CustomerEdge, 'node'> & { node: ResolversParentTypes['Customer'] };
  CustomerFilter: CustomerFilter;
  CustomerPayload: Omit<CustomerPayload, 'customer'> & { customer: ResolversParentTypes['Customer'] };
  DataQuality: DataQualityModel;
  Float: Scalars['Float']['output'];
  DataQualityReport: DataQualityReportModel;
  DateTime: Scalars['DateTime']['output'];
  DuplicateGroup: DuplicateGroupModel;
  EraseCustomerInput: EraseCustomerInput;
  EraseCustomerPayload: Omit<EraseCustomerPayload, 'customer'> & { customer: ResolversParentTypes['Customer'] };
  FieldDefinition: FieldDefinitionModel;
  FieldDefinitionPayload: Omit<FieldDefinitionPayload, 'fieldDefinition'> & { fieldDefinition: ResolversParentTypes['FieldDefinition'] };
  FieldFillRate: FieldFillRate;
  ImportCustomersInput: ImportCustomersInput;
  ImportRejection: ImportRejection;
  ImportReport: ImportReport;
  Interaction: InteractionModel;
  InteractionConnection: Omit<InteractionConnection, 'edges'> & { edges: Array<ResolversParentTypes['InteractionEdge']> };
  InteractionEdge: Omit<InteractionEdge, 'node'> & { node: ResolversParentTypes['Interaction'] };
  InteractionPayload: Omit<InteractionPayload, 'interaction'> & { interaction: ResolversParentTypes['Interaction'] };
  JSON: Scalars['JSON']['output'];
  LifecycleChange: LifecycleChange;
  Member: MemberModel;
  MemberPayload: Omit<MemberPayload, 'member'> & { member: ResolversParentTypes['Member'] };
  MergeCustomersInput: MergeCustomersInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RecordInteractionInput: RecordInteractionInput;
  RecordInteractionsInput: RecordInteractionsInput;
  RecordInteractionsPayload: Omit<RecordInteractionsPayload, 'interactions'> & { interactions: Array<ResolversParentTypes['Interaction']> };
  SetLifecycleStageInput: SetLifecycleStageInput;
  Task: TaskModel;
  TaskPayload: Omit<TaskPayload, 'task'> & { task: ResolversParentTypes['Task'] };
  UpdateContactConsentInput: UpdateContactConsentInput;
  UpdateCustomerInput: UpdateCustomerInput;
  UpsertFieldDefinitionInput: UpsertFieldDefinitionInput;
  UpsertMemberInput: UpsertMemberInput;
};

export type AddContactsPayloadResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['AddContactsPayload'] = ResolversParentTypes['AddContactsPayload']> = {
  contacts?: Resolver<Array<ResolversTypes['Contact']>, ParentType, ContextType>;
};

export type ConsentResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['Consent'] = ResolversParentTypes['Consent']> = {
  email?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type ContactResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['Contact'] = ResolversParentTypes['Contact']> = {
  consent?: Resolver<ResolversTypes['Consent'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ContactPayloadResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['ContactPayload'] = ResolversParentTypes['ContactPayload']> = {
  contact?: Resolver<ResolversTypes['Contact'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  contacts?: Resolver<Array<ResolversTypes['Contact']>, ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customFields?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  dataQuality?: Resolver<ResolversTypes['DataQuality'], ParentType, ContextType>;
  domain?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  externalId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  industry?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  interactions?: Resolver<ResolversTypes['InteractionConnection'], ParentType, ContextType, RequireFields<CustomerInteractionsArgs, 'first'>>;
  kind?: Resolver<ResolversTypes['CustomerKind'], ParentType, ContextType>;
  lifecycleStage?: Resolver<ResolversTypes['LifecycleStage'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ownerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  referredBy?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  tasks?: Resolver<Array<ResolversTypes['Task']>, ParentType, ContextType, Partial<CustomerTasksArgs>>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type CustomerConnectionResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['CustomerConnection'] = ResolversParentTypes['CustomerConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CustomerEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CustomerEdgeResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['CustomerEdge'] = ResolversParentTypes['CustomerEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
};

export type CustomerPayloadResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['CustomerPayload'] = ResolversParentTypes['CustomerPayload']> = {
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
};

export type DataQualityResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['DataQuality'] = ResolversParentTypes['DataQuality']> = {
  missingFields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type DataQualityReportResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['DataQualityReport'] = ResolversParentTypes['DataQualityReport']> = {
  averageScore?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  customers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fillRates?: Resolver<Array<ResolversTypes['FieldFillRate']>, ParentType, ContextType>;
  staleRecords?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  suspectedDuplicates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DuplicateGroupResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['DuplicateGroup'] = ResolversParentTypes['DuplicateGroup']> = {
  customers?: Resolver<Array<ResolversTypes['Customer']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EraseCustomerPayloadResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['EraseCustomerPayload'] = ResolversParentTypes['EraseCustomerPayload']> = {
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  erasedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type FieldDefinitionResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['FieldDefinition'] = ResolversParentTypes['FieldDefinition']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owningTeam?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['FieldType'], ParentType, ContextType>;
};

export type FieldDefinitionPayloadResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['FieldDefinitionPayload'] = ResolversParentTypes['FieldDefinitionPayload']> = {
  fieldDefinition?: Resolver<ResolversTypes['FieldDefinition'], ParentType, ContextType>;
};

export type FieldFillRateResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['FieldFillRate'] = ResolversParentTypes['FieldFillRate']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fillRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  owningTeam?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ImportRejectionResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['ImportRejection'] = ResolversParentTypes['ImportRejection']> = {
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  row?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImportReportResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['ImportReport'] = ResolversParentTypes['ImportReport']> = {
  imported?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<Array<ResolversTypes['ImportRejection']>, ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InteractionResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['Interaction'] = ResolversParentTypes['Interaction']> = {
  feature?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['InteractionKind'], ParentType, ContextType>;
  lifecycleChange?: Resolver<Maybe<ResolversTypes['LifecycleChange']>, ParentType, ContextType>;
  memberId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type InteractionConnectionResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['InteractionConnection'] = ResolversParentTypes['InteractionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['InteractionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InteractionEdgeResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['InteractionEdge'] = ResolversParentTypes['InteractionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Interaction'], ParentType, ContextType>;
};

export type InteractionPayloadResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['InteractionPayload'] = ResolversParentTypes['InteractionPayload']> = {
  interaction?: Resolver<ResolversTypes['Interaction'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LifecycleChangeResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['LifecycleChange'] = ResolversParentTypes['LifecycleChange']> = {
  fromStage?: Resolver<ResolversTypes['LifecycleStage'], ParentType, ContextType>;
  toStage?: Resolver<ResolversTypes['LifecycleStage'], ParentType, ContextType>;
};

export type MemberResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['Member'] = ResolversParentTypes['Member']> = {
  available?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  skills?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  team?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  territories?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MemberPayloadResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['MemberPayload'] = ResolversParentTypes['MemberPayload']> = {
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addContact?: Resolver<ResolversTypes['ContactPayload'], ParentType, ContextType, RequireFields<MutationAddContactArgs, 'input'>>;
  addContacts?: Resolver<ResolversTypes['AddContactsPayload'], ParentType, ContextType, RequireFields<MutationAddContactsArgs, 'input'>>;
  completeTask?: Resolver<ResolversTypes['TaskPayload'], ParentType, ContextType, RequireFields<MutationCompleteTaskArgs, 'input'>>;
  createCustomer?: Resolver<ResolversTypes['CustomerPayload'], ParentType, ContextType, RequireFields<MutationCreateCustomerArgs, 'input'>>;
  createTask?: Resolver<ResolversTypes['TaskPayload'], ParentType, ContextType, RequireFields<MutationCreateTaskArgs, 'input'>>;
  eraseCustomer?: Resolver<ResolversTypes['EraseCustomerPayload'], ParentType, ContextType, RequireFields<MutationEraseCustomerArgs, 'input'>>;
  importCustomers?: Resolver<ResolversTypes['ImportReport'], ParentType, ContextType, RequireFields<MutationImportCustomersArgs, 'input'>>;
  mergeCustomers?: Resolver<ResolversTypes['CustomerPayload'], ParentType, ContextType, RequireFields<MutationMergeCustomersArgs, 'input'>>;
  recordInteraction?: Resolver<ResolversTypes['InteractionPayload'], ParentType, ContextType, RequireFields<MutationRecordInteractionArgs, 'input'>>;
  recordInteractions?: Resolver<ResolversTypes['RecordInteractionsPayload'], ParentType, ContextType, RequireFields<MutationRecordInteractionsArgs, 'input'>>;
  setLifecycleStage?: Resolver<ResolversTypes['CustomerPayload'], ParentType, ContextType, RequireFields<MutationSetLifecycleStageArgs, 'input'>>;
  updateContactConsent?: Resolver<ResolversTypes['ContactPayload'], ParentType, ContextType, RequireFields<MutationUpdateContactConsentArgs, 'input'>>;
  updateCustomer?: Resolver<ResolversTypes['CustomerPayload'], ParentType, ContextType, RequireFields<MutationUpdateCustomerArgs, 'input'>>;
  upsertFieldDefinition?: Resolver<ResolversTypes['FieldDefinitionPayload'], ParentType, ContextType, RequireFields<MutationUpsertFieldDefinitionArgs, 'input'>>;
  upsertMember?: Resolver<ResolversTypes['MemberPayload'], ParentType, ContextType, RequireFields<MutationUpsertMemberArgs, 'input'>>;
};

export type PageInfoResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerArgs, 'id'>>;
  customers?: Resolver<ResolversTypes['CustomerConnection'], ParentType, ContextType, RequireFields<QueryCustomersArgs, 'first'>>;
  dataQualityReport?: Resolver<ResolversTypes['DataQualityReport'], ParentType, ContextType>;
  duplicateCustomers?: Resolver<Array<ResolversTypes['DuplicateGroup']>, ParentType, ContextType, RequireFields<QueryDuplicateCustomersArgs, 'first'>>;
  fieldDefinitions?: Resolver<Array<ResolversTypes['FieldDefinition']>, ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['Member']>, ParentType, ContextType>;
  searchCustomers?: Resolver<Array<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QuerySearchCustomersArgs, 'first' | 'text'>>;
};

export type RecordInteractionsPayloadResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['RecordInteractionsPayload'] = ResolversParentTypes['RecordInteractionsPayload']> = {
  interactions?: Resolver<Array<ResolversTypes['Interaction']>, ParentType, ContextType>;
};

export type TaskResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['Task'] = ResolversParentTypes['Task']> = {
  assigneeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  dueAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TaskStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TaskPayloadResolvers<ContextType = ContactsContext, ParentType extends ResolversParentTypes['TaskPayload'] = ResolversParentTypes['TaskPayload']> = {
  task?: Resolver<ResolversTypes['Task'], ParentType, ContextType>;
};

export type Resolvers<ContextType = ContactsContext> = {
  AddContactsPayload?: AddContactsPayloadResolvers<ContextType>;
  Consent?: ConsentResolvers<ContextType>;
  Contact?: ContactResolvers<ContextType>;
  ContactPayload?: ContactPayloadResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerConnection?: CustomerConnectionResolvers<ContextType>;
  CustomerEdge?: CustomerEdgeResolvers<ContextType>;
  CustomerPayload?: CustomerPayloadResolvers<ContextType>;
  DataQuality?: DataQualityResolvers<ContextType>;
  DataQualityReport?: DataQualityReportResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DuplicateGroup?: DuplicateGroupResolvers<ContextType>;
  EraseCustomerPayload?: EraseCustomerPayloadResolvers<ContextType>;
  FieldDefinition?: FieldDefinitionResolvers<ContextType>;
  FieldDefinitionPayload?: FieldDefinitionPayloadResolvers<ContextType>;
  FieldFillRate?: FieldFillRateResolvers<ContextType>;
  ImportRejection?: ImportRejectionResolvers<ContextType>;
  ImportReport?: ImportReportResolvers<ContextType>;
  Interaction?: InteractionResolvers<ContextType>;
  InteractionConnection?: InteractionConnectionResolvers<ContextType>;
  InteractionEdge?: InteractionEdgeResolvers<ContextType>;
  InteractionPayload?: InteractionPayloadResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  LifecycleChange?: LifecycleChangeResolvers<ContextType>;
  Member?: MemberResolvers<ContextType>;
  MemberPayload?: MemberPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecordInteractionsPayload?: RecordInteractionsPayloadResolvers<ContextType>;
  Task?: TaskResolvers<ContextType>;
  TaskPayload?: TaskPayloadResolvers<ContextType>;
};

