import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/**
 * The name an operation is counted under: its own name, else its root fields joined by `+` (`deliver`),
 * so an anonymous `{ node { country } }` still says what it asked.
 */
export function operationLabel(document: DocumentNode, operationName?: string | null): string {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = (operationName ? operations.find((o) => o.name?.value === operationName) : undefined) ?? operations[0];
  if (!operation) return 'none';
  if (operation.name) return operation.name.value;
  const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  return fields.length > 0 ? [...new Set(fields)].sort().join('+') : 'anonymous';
}
