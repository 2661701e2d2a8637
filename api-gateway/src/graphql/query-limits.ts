import {
  ASTVisitor,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  parse,
  SelectionSetNode,
  validate,
  ValidationContext,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  /** Assumed size of a list field when estimating complexity. */
  listFactor: number;
  /** Checked before parsing (UTF-8 bytes of `query`). */
  maxDocumentBytes: number;
  /** graphql-js aborts parsing beyond this many tokens. */
  maxTokens: number;
  maxFragments: number;
  maxAliases: number;
  /** Distinct response keys at the root of one operation (aliases count, fragments are expanded). */
  maxRootFields: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 8,
  maxComplexity: 1_000,
  listFactor: 10,
  maxDocumentBytes: 8_192,
  maxTokens: 2_000,
  maxFragments: 10,
  maxAliases: 20,
  maxRootFields: 10,
};

/**
 * What a resolver really costs, instead of 1 per field: `products` is an Elasticsearch query with
 * every facet aggregation, `categories` an aggregation over the whole index, `myOrders` a paged SQL
 * query with its lines, `createOrder` a stock-locking transaction plus a payment. With the default
 * budget (1,000) one request can run at most ~9 searches, never the 1,000 aliases of F4.
 */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  'Query.products': 100,
  'Query.categories': 50,
  'Query.myOrders': 20,
  'Query.product': 5,
  'Query.me': 2,
  'Mutation.createOrder': 100,
};

interface Measure {
  depth: number;
  cost: number;
}

/** Thrown as soon as the running cost passes the limit: nothing more is expanded (F1). */
class BudgetExceeded extends Error {
  constructor(readonly atLeast: number) {
    super('complexity budget exceeded');
  }
}

/** Thrown at the first field deeper than the limit. */
class DepthExceeded extends Error {
  constructor(readonly depth: number) {
    super('depth limit exceeded');
  }
}

const isList = (t: GraphQLOutputType): boolean => (isNonNullType(t) ? isList(t.ofType) : isListType(t));

/**
 * Depth and cost of selections. A field costs its weight (default 1) plus its children; the
 * children of a list field count `listFactor` times. Each fragment is measured once per type and
 * memoised, so a chain of fragments that spread the previous one twice costs linear time, not 2^n.
 * Introspection fields are free.
 */
export class CostMeter {
  private readonly memo = new Map<string, Measure>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    private readonly limits: Pick<QueryLimits, 'listFactor' | 'maxComplexity' | 'maxDepth'>,
  ) {}

  /**
   * Measure of a selection set whose fields sit at `level` (root fields: 1); throws BudgetExceeded
   * beyond maxComplexity and DepthExceeded beyond maxDepth.
   */
  measure(set: SelectionSetNode, type: GraphQLObjectType, level = 1): Measure {
    let depth = 0;
    let cost = 0;
    for (const sel of set.selections) {
      let m: Measure;
      if (sel.kind === Kind.FIELD) m = this.field(sel, type, level);
      else if (sel.kind === Kind.INLINE_FRAGMENT)
        m = this.measure(sel.selectionSet, this.conditionType(sel.typeCondition?.name.value, type), level);
      else m = this.fragment(sel.name.value, type, level);
      depth = Math.max(depth, m.depth);
      cost = this.charge(cost, m.cost);
    }
    return { depth, cost };
  }

  private fragment(name: string, parent: GraphQLObjectType, level: number): Measure {
    const def = this.fragments[name];
    if (!def) return { depth: 0, cost: 0 }; // unknown fragment: KnownFragmentNames reports it
    const type = this.conditionType(def.typeCondition.name.value, parent);
    const key = `${name}@${type.name}`;
    const known = this.memo.get(key);
    if (known) {
      if (level - 1 + known.depth > this.limits.maxDepth) throw new DepthExceeded(level - 1 + known.depth);
      return known;
    }
    if (this.inProgress.has(key)) return { depth: 0, cost: 0 }; // cycle: NoFragmentCycles reports it
    this.inProgress.add(key);
    try {
      const m = this.measure(def.selectionSet, type, level);
      this.memo.set(key, m);
      return m;
    } finally {
      this.inProgress.delete(key);
    }
  }

  private field(field: FieldNode, parent: GraphQLObjectType, level: number): Measure {
    if (field.name.value.startsWith('__')) return { depth: 0, cost: 0 };
    if (level > this.limits.maxDepth) throw new DepthExceeded(level);
    const weight = FIELD_WEIGHTS[`${parent.name}.${field.name.value}`] ?? 1;
    const def = parent.getFields()[field.name.value];
    if (!def || !field.selectionSet) return { depth: 1, cost: this.charge(0, weight) };
    const named = getNamedType(def.type);
    if (!isObjectType(named) && !isInterfaceType(named)) return { depth: 1, cost: this.charge(0, weight) };
    const child = this.measure(field.selectionSet, named as GraphQLObjectType, level + 1);
    return { depth: child.depth + 1, cost: this.charge(weight, child.cost * (isList(def.type) ? this.limits.listFactor : 1)) };
  }

  private conditionType(name: string | undefined, fallback: GraphQLObjectType): GraphQLObjectType {
    const t = name ? this.schema.getType(name) : undefined;
    return t && isObjectType(t) ? t : fallback;
  }

  private charge(sum: number, add: number): number {
    const total = sum + add;
    if (total > this.limits.maxComplexity) throw new BudgetExceeded(total);
    return total;
  }
}

function rootType(schema: GraphQLSchema, op: OperationDefinitionNode): GraphQLObjectType | null | undefined {
  if (op.operation === 'mutation') return schema.getMutationType();
  if (op.operation === 'subscription') return schema.getSubscriptionType();
  return schema.getQueryType();
}

export function fragmentsOf(doc: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  return fragments;
}

/** Validation rule rejecting operations deeper or costlier than the limits. */
export function queryLimitsRule(limits: QueryLimits = DEFAULT_LIMITS) {
  return (context: ValidationContext): ASTVisitor => ({
    Document(doc) {
      const schema = context.getSchema();
      const meter = new CostMeter(schema, fragmentsOf(doc), limits);
      for (const d of doc.definitions) {
        if (d.kind !== Kind.OPERATION_DEFINITION) continue;
        const root = rootType(schema, d);
        if (!root) continue;
        try {
          meter.measure(d.selectionSet, root);
        } catch (err) {
          if (err instanceof DepthExceeded)
            context.reportError(new GraphQLError(`Query depth ${err.depth} exceeds the limit of ${limits.maxDepth}`, { nodes: [d] }));
          else if (err instanceof BudgetExceeded)
            context.reportError(
              new GraphQLError(`Query complexity exceeds the limit of ${limits.maxComplexity} (at least ${err.atLeast})`, { nodes: [d] }),
            );
          else throw err;
        }
      }
    },
  });
}

/** Response keys at the root of an operation, root-level fragments expanded (each once). */
function rootKeys(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  keys = new Set<string>(),
  seen = new Set<string>(),
): Set<string> {
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) keys.add(sel.alias?.value ?? sel.name.value);
    else if (sel.kind === Kind.INLINE_FRAGMENT) rootKeys(sel.selectionSet, fragments, keys, seen);
    else if (!seen.has(sel.name.value) && fragments[sel.name.value]) {
      seen.add(sel.name.value);
      rootKeys(fragments[sel.name.value].selectionSet, fragments, keys, seen);
    }
  }
  return keys;
}

/** Cheap structural caps, checked on the parsed document before any other validation. */
export function shapeProblems(doc: DocumentNode, limits: QueryLimits = DEFAULT_LIMITS): string[] {
  const problems: string[] = [];
  const fragments = fragmentsOf(doc);
  const fragmentCount = doc.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).length;
  if (fragmentCount > limits.maxFragments) problems.push(`Document has ${fragmentCount} fragments; the limit is ${limits.maxFragments}`);
  let aliases = 0;
  const countAliases = (set: SelectionSetNode): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD && sel.alias) aliases++;
      if (sel.kind !== Kind.FRAGMENT_SPREAD && sel.selectionSet) countAliases(sel.selectionSet);
    }
  };
  for (const d of doc.definitions)
    if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) countAliases(d.selectionSet);
  if (aliases > limits.maxAliases) problems.push(`Document has ${aliases} aliases; the limit is ${limits.maxAliases}`);
  for (const d of doc.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const n = rootKeys(d.selectionSet, fragments).size;
    if (n > limits.maxRootFields) problems.push(`Operation has ${n} root fields; the limit is ${limits.maxRootFields}`);
  }
  return problems;
}

export type LimitedParse = { document: DocumentNode } | { status: 400 | 413; errors: GraphQLError[] };

/**
 * Everything that must happen before the standard validation rules see a document: byte size,
 * token count (parser), fragment/alias/root-field caps, then depth and memoised cost with early
 * exit. Only a document that passes is worth the rest of the validation and execution.
 */
export function parseWithinLimits(schema: GraphQLSchema, query: string, limits: QueryLimits = DEFAULT_LIMITS): LimitedParse {
  const bytes = Buffer.byteLength(query, 'utf8');
  if (bytes > limits.maxDocumentBytes) {
    return { status: 413, errors: [new GraphQLError(`query is ${bytes} bytes; the limit is ${limits.maxDocumentBytes}`)] };
  }
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens });
  } catch (err) {
    return { status: 400, errors: [err instanceof GraphQLError ? err : new GraphQLError(String(err))] };
  }
  const shape = shapeProblems(document, limits);
  if (shape.length) return { status: 400, errors: shape.map((m) => new GraphQLError(m)) };
  const costErrors = validate(schema, document, [queryLimitsRule(limits)]);
  if (costErrors.length) return { status: 400, errors: [...costErrors] };
  return { document };
}
