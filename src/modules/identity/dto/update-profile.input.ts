import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { DisplayNameField, MunicipalityCodeField, StateCodeField } from './account-fields.js';

@InputType('UpdateProfileInput', {
  description:
    'Cambios al perfil. Un campo omitido no cambia. La residencia se reemplaza completa cuando llega `stateCode` o `municipalityCode`; null la borra.',
})
export class UpdateProfileInput {
  @DisplayNameField(true)
  displayName?: string | null;

  @StateCodeField()
  stateCode?: string | null;

  @MunicipalityCodeField()
  municipalityCode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Aparecer como «Anónimo» en las listas públicas y en los datos abiertos (true) o con el nombre público (false).',
  })
  @IsOptional()
  @IsBoolean({ message: 'Debe ser verdadero o falso.' })
  anonymousInPublic?: boolean | null;
}
