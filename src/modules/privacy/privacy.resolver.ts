import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { AppConfig } from '../../config/app-config.js';
import { CurrentViewer, SignedIn } from '../../infrastructure/auth/access.js';
import type { GraphqlContext, Viewer } from '../../infrastructure/graphql/graphql-context.js';
import { clearSessionCookie } from '../../infrastructure/http/session-cookie.js';
import { DeleteMyAccountArgs } from './dto/delete-my-account.args.js';
import { PrivacyService } from './privacy.service.js';

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly config: AppConfig,
  ) {}

  @SignedIn()
  @Mutation(() => Boolean, {
    description:
      'Pide un archivo JSON con todos los datos que la plataforma guarda sobre tu cuenta. Llega por correo como un enlace que vale 48 horas.',
  })
  exportMyData(@CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.privacy.requestExport(viewer.id);
  }

  @SignedIn()
  @Mutation(() => Boolean, {
    description:
      'Elimina tu cuenta y tus datos personales tras confirmar la contraseña. Tus votos y evaluaciones siguen contando sin tus datos; tus propuestas enviadas quedan como «Cuenta eliminada» y tus borradores se borran.',
  })
  async deleteMyAccount(
    @CurrentViewer() viewer: Viewer,
    @Args() args: DeleteMyAccountArgs,
    @Context() ctx: GraphqlContext,
  ): Promise<boolean> {
    await this.privacy.deleteAccount(viewer.id, args.password);
    clearSessionCookie(ctx.reply, this.config.production);
    return true;
  }
}
