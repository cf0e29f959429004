import {
  ASTVisitor,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLNamedType,
  GraphQLOutputType,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  OperationTypeNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  /**
   * Cost: every field costs 1, multiplied by the size of each enclosing list: its `first` (a variable counts as
   * the largest page), or the list's known bound when it has no `first`. Subscriptions are costed the same way.
   */
  maxCost: number;
  /** Top-level fields of one mutation operation (aliases would otherwise run one mutation many times). */
  maxMutations: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 20, maxCost: 20000, maxMutations: 5 };

/** Root fields of an operation, through fragments and inline fragments (each counted as it would run). */
function rootFieldCount(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  let count = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) count++;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += rootFieldCount(selection.selectionSet, fragments, seen);
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && !seen.has(fragment.name.value))
        count += rootFieldCount(fragment.selectionSet, fragments, new Set(seen).add(fragment.name.value));
    }
  }
  return count;
}

function refuse(context: ValidationContext, message: string, reason: string) {
  context.reportError(new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason } }));
}

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

/** A `first` given as a variable is costed at the largest page the API serves (validation sees no variables). */
const MAX_PAGE = 100;
/**
 * Lists without `first` are costed by their real bound where one is known: 32 states, Oaxaca's 570 municipalities,
 * and what a challenge's input allows (10 rounds, 20 criteria)…
 */
const LIST_BOUNDS: Record<string, number> = {
  'Query.states': 32,
  'State.municipalities': 570,
  'Challenge.rounds': 10,
  'Challenge.criteria': 20,
  'ResultEntry.criterionAverages': 20,
};
/** …and by this for the rest (criteria, rounds, jury, co-authors, results: all far below it in practice). */
const DEFAULT_LIST_BOUND = 50;
/** The lists of a connection, already counted by its `first`. */
const CONNECTION_LISTS = new Set(['edges', 'nodes']);

/** Walks an operation through its fragments (each fragment visited at most once per path). */
function measure(
  set: SelectionSetNode,
  parent: GraphQLNamedType | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
  schema: GraphQLSchema,
): Measure {
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  for (const selection of set.selections) {
    let inner: Measure;
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) aliases++;
      if (selection.selectionSet) {
        const type = fieldType(parent, selection.name.value);
        const child = measure(selection.selectionSet, type && getNamedType(type), fragments, seen, schema);
        const multiplier = pageSize(selection) ?? listBound(parent, selection.name.value, type);
        inner = { depth: child.depth + 1, aliases: child.aliases, cost: 1 + multiplier * child.cost };
      } else {
        inner = { depth: 1, aliases: 0, cost: 1 };
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
      inner = measure(selection.selectionSet, type ?? undefined, fragments, seen, schema);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      const type = schema.getType(fragment.typeCondition.name.value) ?? undefined;
      inner = measure(fragment.selectionSet, type, fragments, new Set(seen).add(fragment.name.value), schema);
    }
    depth = Math.max(depth, inner.depth);
    aliases += inner.aliases;
    cost += inner.cost;
  }
  return { depth, aliases, cost };
}

function fieldType(parent: GraphQLNamedType | undefined, name: string): GraphQLOutputType | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name]?.type : undefined;
}

/** A literal `first` counts as given, a variable one as the largest page; undefined without `first`. */
function pageSize(field: FieldNode): number | undefined {
  const arg = field.arguments?.find((a) => a.name.value === 'first');
  if (!arg) return undefined;
  return arg.value.kind === Kind.INT ? Math.max(1, Number(arg.value.value)) : MAX_PAGE;
}

function listBound(parent: GraphQLNamedType | undefined, name: string, type: GraphQLOutputType | undefined): number {
  if (!type || !isListType(getNullableType(type)) || CONNECTION_LISTS.has(name)) return 1;
  return LIST_BOUNDS[`${parent?.name}.${name}`] ?? DEFAULT_LIST_BOUND;
}

/** Refuses over-deep queries, alias bombs, too expensive queries and mutation batches before anything executes. */
export function queryLimitsRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const fragments = new Map(
        document.definitions
          .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
          .map((d) => [d.name.value, d]),
      );
      for (const operation of document.definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      )) {
        const root = context.getSchema().getRootType(operation.operation) ?? undefined;
        const { depth, aliases, cost } = measure(
          operation.selectionSet,
          root,
          fragments,
          new Set(),
          context.getSchema(),
        );
        const mutations =
          operation.operation === OperationTypeNode.MUTATION
            ? rootFieldCount(operation.selectionSet, fragments, new Set())
            : 0;
        if (mutations > limits.maxMutations) {
          refuse(
            context,
            `Una solicitud admite a lo más ${limits.maxMutations} mutaciones (esta tiene ${mutations}).`,
            'TOO_MANY_MUTATIONS',
          );
        } else if (depth > limits.maxDepth) {
          refuse(
            context,
            `La consulta es demasiado profunda (${depth} niveles; máximo ${limits.maxDepth}).`,
            'QUERY_TOO_DEEP',
          );
        } else if (aliases > limits.maxAliases) {
          refuse(
            context,
            `La consulta usa demasiados alias (${aliases}; máximo ${limits.maxAliases}).`,
            'TOO_MANY_ALIASES',
          );
        } else if (cost > limits.maxCost) {
          refuse(context, `La consulta es demasiado costosa (${cost}; máximo ${limits.maxCost}).`, 'QUERY_TOO_COMPLEX');
        }
      }
      return false;
    },
  });
}
