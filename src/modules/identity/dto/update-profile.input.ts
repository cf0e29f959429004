import { InputType } from '@nestjs/graphql';
import { DisplayNameField, MunicipalityCodeField, StateCodeField } from './account-fields.js';

@InputType('UpdateProfileInput', {
  description: 'Cambios al perfil. Un campo omitido no cambia. La residencia se reemplaza completa cuando llega `stateCode` o `municipalityCode`; null la borra.',
})
export class UpdateProfileInput {
  @DisplayNameField(true)
  displayName?: string | null;

  @StateCodeField()
  stateCode?: string | null;

  @MunicipalityCodeField()
  municipalityCode?: string | null;
}
