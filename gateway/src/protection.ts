import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromAST,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';

export interface ProtectionLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxRootFields: number;
  /** Budget of one operation: every field costs 1, times the size of the lists around it. */
  maxCost: number;
  /** The largest page a client may ask for (`first`). */
  maxPageSize: number;
  /** How often one field may repeat in a selection set (duplicates are merged, not free to parse). */
  maxFieldRepetitions: number;
  /** Cost one tenant may spend per second across its operations (0 turns the limit off). */
  tenantCostPerSecond: number;
}

export const DEFAULT_LIMITS: ProtectionLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 10,
  maxTokens: 3_000,
  maxRootFields: 20,
  maxCost: 20_000,
  maxPageSize: 100,
  maxFieldRepetitions: 5,
  tenantCostPerSecond: 200_000,
};

// Lists without a `first` argument (a customer's contacts, tasks): assume this many items.
const UNBOUNDED_LIST_SIZE = 10;
const DEFAULT_PAGE_SIZE = 20;

function rejected(message: string, code: 'QUERY_TOO_COMPLEX' | 'BAD_USER_INPUT', field?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, ...(field ? { field } : {}), reason: message, http: { status: 400 } },
  });
}

/** How many times a field's selection is repeated in the answer: its page size, or a list guess. */
function multiplierOf(
  field: GraphQLField<unknown, unknown>,
  parent: GraphQLCompositeType,
  argumentNodes: readonly { name: { value: string }; value: import('graphql').ValueNode }[],
  variables: Record<string, unknown>,
  limits: ProtectionLimits,
): number {
  const firstArgument = field.args.find((argument) => argument.name === 'first');
  if (firstArgument) {
    const node = argumentNodes.find((argument) => argument.name.value === 'first');
    const value = node ? valueFromAST(node.value, firstArgument.type, variables) : firstArgument.defaultValue;
    const size = typeof value === 'number' ? value : DEFAULT_PAGE_SIZE;
    if (size > limits.maxPageSize) {
      throw rejected(`first must be at most ${limits.maxPageSize} (asked for ${size})`, 'BAD_USER_INPUT', 'first');
    }
    return Math.max(size, 1);
  }
  // A connection's edges are the page already counted on the connection field.
  if (parent.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) return 1;
  return isListType(getNullableType(field.type)) ? UNBOUNDED_LIST_SIZE : 1;
}

/** The cost of an operation with its variables, fragments inlined; cycles count once. */
export function operationCost(
  schema: GraphQLSchema,
  root: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  limits: ProtectionLimits = DEFAULT_LIMITS,
): number {
  const visit = (parent: GraphQLCompositeType, selections: SelectionSetNode, seenFragments: Set<string>): number => {
    let total = 0;
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__typename') continue;
        if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        const type = getNamedType(field.type);
        const children = selection.selectionSet && isCompositeType(type) ? visit(type, selection.selectionSet, seenFragments) : 0;
        total += 1 + multiplierOf(field, parent, selection.arguments ?? [], variables, limits) * children;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += visit(type, selection.selectionSet, seenFragments);
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || seenFragments.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type && isCompositeType(type)) total += visit(type, fragment.selectionSet, new Set([...seenFragments, name]));
      }
    }
    return total;
  };
  return visit(root, selectionSet, new Set());
}

/** Rejects a selection set that repeats one field (by response key) more than allowed. */
export function maxFieldRepetitionsRule(limit: number): ValidationRule {
  return (context) => ({
    SelectionSet(node) {
      const counts = new Map<string, number>();
      for (const selection of node.selections) {
        if (selection.kind !== Kind.FIELD) continue;
        const key = selection.alias?.value ?? selection.name.value;
        const count = (counts.get(key) ?? 0) + 1;
        counts.set(key, count);
        if (count === limit + 1) {
          context.reportError(new GraphQLError(`the field "${key}" is repeated more than ${limit} times`, { nodes: [selection] }));
        }
      }
    },
  });
}

/**
 * Rejects operations whose cost or number of root fields is over the budget, before
 * planning, and charges the cost to the caller's tenant: a tenant over its rate gets
 * RATE_LIMITED with the time to wait, and other tenants are not slowed by it.
 */
function costLimitPlugin<Context extends object>(limits: ProtectionLimits, tenantOf: (context: Context) => string | undefined): ApolloServerPlugin<Context> {
  // Per gateway process; replicas behind a balancer would share a Redis-backed limiter.
  const perTenant = limits.tenantCostPerSecond > 0 ? new RateLimiterMemory({ points: limits.tenantCostPerSecond, duration: 1 }) : undefined;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema, contextValue }) {
          if (!operation) return;
          if (operation.selectionSet.selections.length > limits.maxRootFields) {
            throw rejected(`an operation may select at most ${limits.maxRootFields} root fields`, 'QUERY_TOO_COMPLEX');
          }
          const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
          if (!root) return;
          const fragments = Object.fromEntries(
            document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
          );
          const cost = operationCost(schema, root, operation.selectionSet, fragments, request.variables ?? {}, limits);
          if (cost > limits.maxCost) {
            throw rejected(`the operation costs ${cost}, over the budget of ${limits.maxCost}; ask for smaller pages`, 'QUERY_TOO_COMPLEX');
          }
          const tenant = tenantOf(contextValue);
          if (perTenant && tenant) {
            try {
              await perTenant.consume(tenant, cost);
            } catch (rejection) {
              if (!(rejection instanceof RateLimiterRes)) throw rejection;
              const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
              throw new GraphQLError('too many requests for this workspace; retry later', {
                extensions: {
                  code: 'RATE_LIMITED',
                  retryAfterMs: rejection.msBeforeNext,
                  http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
                },
              });
            }
          }
        },
      };
    },
  };
}

/**
 * Everything checked before any subgraph is called: depth, aliases, directives, tokens
 * (graphql-armor), root fields and a cost budget with lists weighted by their page size.
 * In production, field suggestions are also withheld, so errors do not map the schema.
 */
export function createProtection<Context extends object>(options: {
  production: boolean;
  limits?: Partial<ProtectionLimits>;
  tenantOf: (context: Context) => string | undefined;
}): {
  plugins: ApolloServerPlugin<Context>[];
  validationRules: ValidationRule[];
} {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { n: limits.maxTokens },
    // Our own cost rule below sees variables, which a validation rule cannot.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: options.production },
  }).protect();
  // graphql-armor's typings point at @apollo/server's CommonJS build; the plugins are the same objects.
  const armorPlugins = armor.plugins as unknown as ApolloServerPlugin<Context>[];
  return {
    plugins: [...armorPlugins, costLimitPlugin<Context>(limits, options.tenantOf)],
    validationRules: [...armor.validationRules, maxFieldRepetitionsRule(limits.maxFieldRepetitions)],
  };
}
