import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AppConfig } from '../../config/app-config.js';
import { CurrentViewer, PlatformRoles, SignedIn } from '../../infrastructure/auth/access.js';
import type { GraphqlContext, Viewer } from '../../infrastructure/graphql/graphql-context.js';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../../infrastructure/http/session-cookie.js';
import { AccountsService } from './accounts.service.js';
import { AccountLookupModel } from './dto/account-lookup.model.js';
import { AuthPayload } from './dto/auth-payload.model.js';
import {
  EmailArgs,
  EmailTokenArgs,
  RefreshTokenArgs,
  ResetPasswordArgs,
  SetPlatformRoleArgs,
  VerifyCurpArgs,
} from './dto/identity.args.js';
import { LoginInput } from './dto/login.input.js';
import { PublicUserModel } from './dto/public-user.model.js';
import { RegisterInput } from './dto/register.input.js';
import { UpdateProfileInput } from './dto/update-profile.input.js';
import { ViewerModel } from './dto/viewer.model.js';
import { SessionsService } from './sessions.service.js';

@Resolver()
export class AccountsResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  /** Browsers keep the refresh token in an HttpOnly cookie; other clients read it from the payload. */
  private async withSessionCookie(ctx: GraphqlContext, session: Promise<AuthPayload>): Promise<AuthPayload> {
    const payload = await session;
    writeSessionCookie(ctx.reply, payload.refreshToken, this.config.production);
    return payload;
  }

  @Query(() => ViewerModel, {
    nullable: true,
    description: 'La cuenta de la sesión; null sin sesión o con un token vencido o inválido.',
  })
  viewer(@CurrentViewer() viewer: Viewer | null): Promise<ViewerModel> | null {
    return viewer && this.accounts.viewer(viewer.id);
  }

  @Mutation(() => AuthPayload, { description: 'Crea una cuenta, envía el correo de confirmación y abre una sesión.' })
  register(
    @Args('input', { description: 'Datos de la cuenta nueva.' }) input: RegisterInput,
    @Context() ctx: GraphqlContext,
  ): Promise<AuthPayload> {
    return this.withSessionCookie(ctx, this.accounts.register(input));
  }

  @Mutation(() => AuthPayload, {
    description: 'Inicia sesión. A lo más 10 intentos fallidos por correo y por IP cada 15 minutos.',
  })
  login(
    @Args('input', { description: 'Correo y contraseña.' }) input: LoginInput,
    @Context() ctx: GraphqlContext,
  ): Promise<AuthPayload> {
    return this.withSessionCookie(ctx, this.accounts.login(input, ctx.req.ip));
  }

  @Mutation(() => AuthPayload, {
    description: 'Cambia un token de renovación por una sesión nueva; el anterior deja de servir.',
  })
  refreshSession(@Args() args: RefreshTokenArgs, @Context() ctx: GraphqlContext): Promise<AuthPayload> {
    return this.withSessionCookie(ctx, this.sessions.refresh(args.refreshToken ?? readSessionCookie(ctx.req) ?? ''));
  }

  @Mutation(() => Boolean, { description: 'Cierra la sesión a la que pertenece el token de renovación.' })
  async logout(@Args() args: RefreshTokenArgs, @Context() ctx: GraphqlContext): Promise<boolean> {
    const token = args.refreshToken ?? readSessionCookie(ctx.req);
    clearSessionCookie(ctx.reply, this.config.production);
    return token ? this.sessions.logout(token) : true;
  }

  @Mutation(() => ViewerModel, {
    description: 'Confirma el correo con el token del enlace enviado (un solo uso, 48 horas).',
  })
  verifyEmail(@Args() args: EmailTokenArgs): Promise<ViewerModel> {
    return this.accounts.verifyEmail(args.token);
  }

  @SignedIn()
  @Mutation(() => Boolean, {
    description: 'Envía de nuevo el correo de confirmación; los enlaces anteriores dejan de servir.',
  })
  resendEmailVerification(@CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.accounts.resendEmailVerification(viewer.id);
  }

  @Mutation(() => Boolean, {
    description: 'Envía un enlace para restablecer la contraseña si el correo tiene cuenta. Siempre responde true.',
  })
  requestPasswordReset(@Args() args: EmailArgs): Promise<boolean> {
    return this.accounts.requestPasswordReset(args.email);
  }

  @Mutation(() => Boolean, {
    description: 'Fija una contraseña nueva con el token del enlace (un solo uso, 1 hora) y cierra todas las sesiones.',
  })
  resetPassword(@Args() args: ResetPasswordArgs): Promise<boolean> {
    return this.accounts.resetPassword(args.token, args.newPassword);
  }

  @SignedIn()
  @Mutation(() => ViewerModel, { description: 'Verifica la CURP de la cuenta; solo se guarda un hash con llave.' })
  verifyCurp(@CurrentViewer() viewer: Viewer, @Args() args: VerifyCurpArgs): Promise<ViewerModel> {
    return this.accounts.verifyCurp(viewer.id, args.curp);
  }

  @SignedIn()
  @Mutation(() => ViewerModel, { description: 'Cambia el nombre público o la residencia.' })
  updateProfile(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'Cambios al perfil.' }) input: UpdateProfileInput,
  ): Promise<ViewerModel> {
    return this.accounts.updateProfile(viewer.id, input);
  }

  @PlatformRoles('ADMIN')
  @Query(() => AccountLookupModel, {
    nullable: true,
    description:
      'Busca una cuenta por su correo exacto (solo ADMIN de la plataforma); null si no existe. Queda en el registro.',
  })
  accountByEmail(@CurrentViewer() viewer: Viewer, @Args() args: EmailArgs): Promise<AccountLookupModel | null> {
    return this.accounts.lookUpByEmail(viewer.id, args.email);
  }

  @PlatformRoles('ADMIN')
  @Mutation(() => PublicUserModel, { description: 'Asigna el rol de plataforma de otra cuenta (solo ADMIN).' })
  setPlatformRole(@CurrentViewer() viewer: Viewer, @Args() args: SetPlatformRoleArgs): Promise<PublicUserModel> {
    return this.accounts.setPlatformRole(viewer.id, args.userId, args.role);
  }
}
