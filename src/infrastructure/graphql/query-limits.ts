import {
  ASTVisitor,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  /** Cost: every field costs 1, multiplied by the `first` of each enclosing list (default 20). */
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 20, maxCost: 20000 };

function refuse(context: ValidationContext, message: string, reason: string) {
  context.reportError(new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason } }));
}

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

/** Walks an operation through its fragments (each fragment visited at most once per path). */
function measure(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): Measure {
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  for (const selection of set.selections) {
    let inner: Measure;
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) aliases++;
      if (selection.selectionSet) {
        const child = measure(selection.selectionSet, fragments, seen);
        const multiplier = pageSize(selection);
        inner = { depth: child.depth + 1, aliases: child.aliases, cost: 1 + multiplier * child.cost };
      } else {
        inner = { depth: 1, aliases: 0, cost: 1 };
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(selection.selectionSet, fragments, seen);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      inner = measure(fragment.selectionSet, fragments, new Set(seen).add(fragment.name.value));
    }
    depth = Math.max(depth, inner.depth);
    aliases += inner.aliases;
    cost += inner.cost;
  }
  return { depth, aliases, cost };
}

/** A literal `first` counts as given; a variable one as the default page size (validation sees no variables). */
function pageSize(field: FieldNode): number {
  const arg = field.arguments?.find((a) => a.name.value === 'first');
  if (!arg) return 1;
  return arg.value.kind === Kind.INT ? Math.max(1, Number(arg.value.value)) : 20;
}

/** Refuses over-deep queries, alias bombs and too expensive queries before anything executes. */
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
        const { depth, aliases, cost } = measure(operation.selectionSet, fragments, new Set());
        if (depth > limits.maxDepth) {
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
