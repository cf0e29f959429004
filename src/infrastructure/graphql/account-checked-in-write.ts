import { Kind, OperationTypeNode, type OperationDefinitionNode } from 'graphql';

const mutations = new Set<string>();

/**
 * Marks a mutation whose own statement checks the viewer's account facts (`Viewer.account`) as it writes, and which
 * decides every refusal made on kept facts (`Viewer.accountKept`) again on a fresh read. An operation made only of such
 * mutations is authenticated without reading the account again (issue #17). The mutation's name is the method's.
 */
export const ChecksAccountInWrite = (): MethodDecorator => (_target, key) => {
  mutations.add(String(key));
};

/** True when every root field of the operation is a mutation marked ChecksAccountInWrite. */
export function checksAccountInWrite(operation: OperationDefinitionNode | undefined): boolean {
  return (
    operation?.operation === OperationTypeNode.MUTATION &&
    operation.selectionSet.selections.every(
      (selection) => selection.kind === Kind.FIELD && mutations.has(selection.name.value),
    )
  );
}
