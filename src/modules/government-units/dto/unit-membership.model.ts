import { Field, ObjectType } from '@nestjs/graphql';
import type { UnitRole } from '../unit-membership.entity.js';
import { UnitRoleEnum } from './enums.js';

@ObjectType('UnitMembership', { description: 'Una persona y su papel en una unidad de gobierno.' })
export class UnitMembershipModel {
  @Field(() => UnitRoleEnum, { description: 'Papel en la unidad.' })
  role: UnitRole;

  unitId: string;
  userId: string;
}
