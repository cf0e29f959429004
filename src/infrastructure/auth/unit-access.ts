export type UnitResourceKind = 'unit' | 'challenge' | 'round' | 'proposal';

/**
 * Answers which role a user holds in the government unit that owns a resource.
 * Provided by the government-units module; `undefined` when the resource does not exist.
 */
export abstract class UnitAccess {
  abstract roleOf(
    userId: string,
    kind: UnitResourceKind,
    resourceId: string,
  ): Promise<'ADMIN' | 'EDITOR' | null | undefined>;
}
