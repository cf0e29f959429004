import { InputType } from '@nestjs/graphql';
import {
  DisplayNameField,
  EmailField,
  MunicipalityCodeField,
  PasswordField,
  StateCodeField,
} from './account-fields.js';

@InputType('RegisterInput', { description: 'Datos para crear una cuenta.' })
export class RegisterInput {
  @EmailField('Correo electrónico; único sin distinguir mayúsculas.')
  email: string;

  @PasswordField('Contraseña de 10 a 200 caracteres.')
  password: string;

  @DisplayNameField()
  displayName: string;

  @StateCodeField()
  stateCode?: string | null;

  @MunicipalityCodeField()
  municipalityCode?: string | null;
}
