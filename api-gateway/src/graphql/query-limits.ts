import {
  ASTVisitor, FieldNode, FragmentDefinitionNode, getNamedType, GraphQLError, GraphQLObjectType, GraphQLSchema,
  isInterfaceType, isListType, isNonNullType, isObjectType, GraphQLOutputType, Kind, SelectionSetNode, ValidationContext,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  /** Assumed size of a list field when estimating complexity. */
  listFactor: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 8, maxComplexity: 2_000, listFactor: 10 };

interface Measure { depth: number; cost: number }

const isList = (t: GraphQLOutputType): boolean => (isNonNullType(t) ? isList(t.ofType) : isListType(t));

/**
 * Depth and cost of a selection: every field costs 1 plus its children; the children of a list
 * field count `listFactor` times. Fragments are expanded; introspection fields are free.
 */
export function measure(
  schema: GraphQLSchema, set: SelectionSetNode, type: GraphQLObjectType, fragments: Record<string, FragmentDefinitionNode>,
  listFactor: number, seen: Set<string> = new Set(),
): Measure {
  let depth = 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      const m = measureField(schema, sel, type, fragments, listFactor, seen);
      depth = Math.max(depth, m.depth);
      cost += m.cost;
    } else {
      const fragment = sel.kind === Kind.FRAGMENT_SPREAD ? fragments[sel.name.value] : sel;
      if (!fragment || (sel.kind === Kind.FRAGMENT_SPREAD && seen.has(sel.name.value))) continue;
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
      const next = sel.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, sel.name.value]) : seen;
      const m = measure(schema, fragment.selectionSet, isObjectType(condition) ? condition : type, fragments, listFactor, next);
      depth = Math.max(depth, m.depth);
      cost += m.cost;
    }
  }
  return { depth, cost };
}

function measureField(
  schema: GraphQLSchema, field: FieldNode, parent: GraphQLObjectType, fragments: Record<string, FragmentDefinitionNode>,
  listFactor: number, seen: Set<string>,
): Measure {
  if (field.name.value.startsWith('__')) return { depth: 0, cost: 0 };
  const def = parent.getFields()[field.name.value];
  if (!def || !field.selectionSet) return { depth: 1, cost: 1 };
  const named = getNamedType(def.type);
  if (!isObjectType(named) && !isInterfaceType(named)) return { depth: 1, cost: 1 };
  const child = measure(schema, field.selectionSet, named as GraphQLObjectType, fragments, listFactor, seen);
  return { depth: child.depth + 1, cost: 1 + child.cost * (isList(def.type) ? listFactor : 1) };
}

/** Validation rule rejecting operations deeper or costlier than the limits. */
export function queryLimitsRule(limits: QueryLimits = DEFAULT_LIMITS) {
  return (context: ValidationContext): ASTVisitor => ({
    Document(doc) {
      const schema = context.getSchema();
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
      for (const d of doc.definitions) {
        if (d.kind !== Kind.OPERATION_DEFINITION) continue;
        const root = d.operation === 'mutation' ? schema.getMutationType() : d.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
        if (!root) continue;
        const m = measure(schema, d.selectionSet, root, fragments, limits.listFactor);
        if (m.depth > limits.maxDepth) context.reportError(new GraphQLError(`Query depth ${m.depth} exceeds the limit of ${limits.maxDepth}`, { nodes: [d] }));
        if (m.cost > limits.maxComplexity) context.reportError(new GraphQLError(`Query complexity ${m.cost} exceeds the limit of ${limits.maxComplexity}`, { nodes: [d] }));
      }
    },
  });
}
