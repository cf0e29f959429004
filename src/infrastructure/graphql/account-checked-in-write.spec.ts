import { parse, type OperationDefinitionNode } from 'graphql';
import { ChecksAccountInWrite, checksAccountInWrite } from './account-checked-in-write.js';

class Marked {
  @ChecksAccountInWrite()
  markedWrite() {}
}

const operationOf = (document: string) => parse(document).definitions[0] as OperationDefinitionNode;

describe('checksAccountInWrite', () => {
  it('holds for a mutation made only of marked fields, aliases included', () => {
    expect(new Marked()).toBeDefined();
    expect(checksAccountInWrite(operationOf('mutation { markedWrite a: markedWrite }'))).toBe(true);
  });

  it('does not hold when any root field is not marked, for queries, or for fragments at the root', () => {
    expect(checksAccountInWrite(operationOf('mutation { markedWrite other }'))).toBe(false);
    expect(checksAccountInWrite(operationOf('query { markedWrite }'))).toBe(false);
    expect(checksAccountInWrite(operationOf('mutation { ... on Mutation { markedWrite } }'))).toBe(false);
    expect(checksAccountInWrite(operationOf('mutation { __typename }'))).toBe(false);
    expect(checksAccountInWrite(undefined)).toBe(false);
  });
});
