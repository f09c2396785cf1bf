// Demand control: every operation's cost is estimated on the supergraph before it is planned, so an operation
// over the ceiling is refused before any subgraph is called (Hive Gateway's own demandControl adds up the cost of
// each subgraph request as it is sent, so it refuses only after the first requests ran). The estimate follows
// the cost directives the subgraphs declare (shared/shared/graphql/list_sizes.py puts `@listSize` on every list):
// an object costs 1 (or its field's `@cost(weight:)`), a scalar 0; a list multiplies what is under it by its
// size: the value of its slicing argument (`first`) or its assumed size; a connection's size applies to its
// `edges`. A mutation costs 10 more. Accepted operations carry their estimate in `extensions.cost`.
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export const COST = {
  // GATEWAY_MAX_COST: the ceiling of an operation's estimated cost.
  max: Number(process.env.GATEWAY_MAX_COST || 10_000),
  mutation: 10,
  // A list the schema gives no size (none should: shared/shared/graphql/list_sizes.py sizes them all).
  list: 20,
};

type Arguments = Record<string, unknown>;
type Walk = {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
};

// A directive's arguments on a field, from the supergraph's definitions (or extensions, for a schema built in code).
function directive(field: GraphQLField<unknown, unknown>, name: string): Arguments | undefined {
  const node = field.astNode?.directives?.find((d) => d.name.value === name);
  if (node) {
    return Object.fromEntries((node.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
  }
  const given = (field.extensions as { directives?: Record<string, unknown> } | undefined)?.directives?.[name];
  return (Array.isArray(given) ? given[0] : given) as Arguments | undefined;
}

// How many items a sized list answers: its slicing argument as asked, else its assumed size.
function size(node: FieldNode, sizes: Arguments, walk: Walk): number {
  for (const name of (sizes.slicingArguments as string[] | undefined) ?? []) {
    const argument = node.arguments?.find((a) => a.name.value === name);
    if (!argument) continue;
    const value = argument.value.kind === Kind.VARIABLE
      ? walk.variables[argument.value.name.value]
      : valueFromASTUntyped(argument.value);
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
  }
  return Number(sizes.assumedSize ?? COST.list);
}

function isList(field: GraphQLField<unknown, unknown>): boolean {
  return isListType(getNullableType(field.type));
}

function fieldCost(node: FieldNode, parent: GraphQLCompositeType, walk: Walk, sizedAs?: number): number {
  if (node.name.value.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) return 0;
  const field = parent.getFields()[node.name.value];
  if (!field) return 0;
  const named = getNamedType(field.type);
  const weight = Number(directive(field, 'cost')?.weight ?? (isCompositeType(named) ? 1 : 0));
  const sizes = directive(field, 'listSize');
  const sized = (sizes?.sizedFields as string[] | undefined) ?? [];
  let under = 0;
  if (node.selectionSet && isCompositeType(named)) {
    under = sized.length
      ? selectionCost(node.selectionSet, named, walk, { names: sized, count: size(node, sizes!, walk) })
      : selectionCost(node.selectionSet, named, walk);
  }
  const times = sizedAs ?? (sizes && !sized.length ? size(node, sizes, walk) : isList(field) ? COST.list : 1);
  return (weight + under) * times;
}

function selectionCost(
  set: SelectionSetNode, parent: GraphQLCompositeType, walk: Walk, sized?: { names: string[]; count: number },
): number {
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const as = sized && sized.names.includes(selection.name.value) ? sized.count : undefined;
      total += fieldCost(selection, parent, walk, as);
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments[selection.name.value];
      if (!fragment) continue;
      const condition = fragment.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : parent;
      if (condition && isCompositeType(condition)) total += selectionCost(fragment.selectionSet, condition, walk, sized);
    }
  }
  return total;
}

export function estimate(
  schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | null | undefined,
  operationName?: string | null,
): number {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragments = Object.fromEntries(document.definitions
    .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
    .map((d) => [d.name.value, d]));
  const walk = { schema, fragments, variables: variables ?? {} };
  return selectionCost(operation.selectionSet, root, walk) + (operation.operation === 'mutation' ? COST.mutation : 0);
}

function refusal(estimated: number) {
  return {
    errors: [new GraphQLError(
      `the operation's estimated cost ${estimated} is over the limit of ${COST.max}: ask for fewer items (first) `
      + 'or fewer nested lists', { extensions: { code: 'OPERATION_LIMIT_EXCEEDED', cost: { estimated, max: COST.max } } },
    )],
  };
}

type Execution = {
  args: { schema: GraphQLSchema; document: DocumentNode; variableValues?: Record<string, unknown> | null; operationName?: string | null };
  setResultAndStopExecution: (result: unknown) => void;
};

function checked({ args, setResultAndStopExecution }: Execution): number | undefined {
  const estimated = estimate(args.schema, args.document, args.variableValues, args.operationName);
  if (estimated > COST.max) {
    setResultAndStopExecution(refusal(estimated));
    return undefined;
  }
  return estimated;
}

export const demandControl = {
  onExecute(execution: Execution) {
    const estimated = checked(execution);
    if (estimated === undefined) return undefined;
    return {
      onExecuteDone({ result, setResult }: { result: any; setResult: (result: any) => void }) {
        if (result && !result[Symbol.asyncIterator]) {
          setResult({ ...result, extensions: { ...(result.extensions ?? {}), cost: { estimated, max: COST.max } } });
        }
      },
    };
  },
  onSubscribe(execution: Execution) {
    checked(execution);
  },
};
