import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '../../common/domain-error.js';
import type { GraphqlContext, Viewer } from '../graphql/graphql-context.js';
import { UnitAccess, UnitResourceKind } from './unit-access.js';

type PlatformRole = Viewer['platformRole'];
type UnitRole = 'ADMIN' | 'EDITOR';

interface AccessRule {
  platformRoles?: PlatformRole[];
  /** The unit whose members may act: found from the named argument (e.g. a challenge id). Platform ADMINs always may. */
  unit?: { roles: UnitRole[]; kind: UnitResourceKind; arg: string };
}

const ACCESS_RULE = 'retos:access-rule';

function graphqlContext(context: ExecutionContext): { ctx: GraphqlContext; args: Record<string, unknown> } {
  const gql = GqlExecutionContext.create(context);
  return { ctx: gql.getContext<GraphqlContext>(), args: gql.getArgs() };
}

function argument(args: Record<string, unknown>, path: string): string | undefined {
  const value = path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], args);
  return typeof value === 'string' ? value : undefined;
}

/** The one place where "who may call this" is decided; resolvers only declare it. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly modules: ModuleRef,
  ) {}

  /** Looked up app-wide: guards run in every feature module, UnitAccess is provided by government-units. */
  private get units(): UnitAccess {
    return this.modules.get(UnitAccess, { strict: false });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.get<AccessRule>(ACCESS_RULE, context.getHandler()) ?? {};
    const { ctx, args } = graphqlContext(context);
    const viewer = ctx.viewer;
    if (!viewer) throw DomainError.unauthenticated();
    if (rule.platformRoles && !rule.platformRoles.includes(viewer.platformRole)) throw DomainError.forbidden();
    if (rule.unit && viewer.platformRole !== 'ADMIN') {
      const id = argument(args, rule.unit.arg);
      const role = id ? await this.units.roleOf(viewer.id, rule.unit.kind, id) : null;
      if (role === undefined) return true; // unknown resource: the service answers NOT_FOUND
      if (!role || !rule.unit.roles.includes(role)) throw DomainError.forbidden();
    }
    return true;
  }
}

const access = (rule: AccessRule) => applyDecorators(SetMetadata(ACCESS_RULE, rule), UseGuards(AccessGuard));

/** Any signed-in account. */
export const SignedIn = () => access({});

/** Signed in with one of these platform roles. */
export const PlatformRoles = (...roles: PlatformRole[]) => access({ platformRoles: roles });

/** A member of the unit that owns the resource named by argument `arg`, with one of `roles` (or a platform ADMIN). */
export const UnitRoles = (roles: UnitRole[], kind: UnitResourceKind, arg: string) =>
  access({ unit: { roles, kind, arg } });

/** The signed-in viewer (null when anonymous). */
export const CurrentViewer = createParamDecorator(
  (_: unknown, context: ExecutionContext): Viewer | null =>
    GqlExecutionContext.create(context).getContext<GraphqlContext>().viewer,
);
