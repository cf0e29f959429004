import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('JurorProgress', {
  description:
    'Avance de una persona del jurado: solo conteos, nunca calificaciones. Suma las rondas de evaluación del reto.',
})
export class JurorProgressModel {
  @Field(() => Int, { description: 'Propuestas asignadas para evaluar.' })
  assigned: number;

  @Field(() => Int, { description: 'Evaluaciones ya enviadas de esas asignaciones.' })
  evaluated: number;
}
