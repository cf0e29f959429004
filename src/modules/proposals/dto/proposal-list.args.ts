import { ArgsType, Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../../common/pagination.js';
import { NoControlChars, Trim } from '../../../common/text-validators.js';
import type { ProposalStatus } from '../proposal.entity.js';
import { ProposalStatusEnum } from './proposal.model.js';

export const ProposalOrderEnum = {
  NEWEST: 'NEWEST',
  MOST_VOTED: 'MOST_VOTED',
  RANK: 'RANK',
  RANDOM: 'RANDOM',
} as const;
export type ProposalOrder = keyof typeof ProposalOrderEnum;
registerEnumType(ProposalOrderEnum, {
  name: 'ProposalOrder',
  description: 'Orden del listado de propuestas. Los empates se resuelven por envío más reciente y luego por id.',
  valuesMap: {
    NEWEST: { description: 'Enviadas más recientemente primero (borradores propios al principio).' },
    MOST_VOTED: { description: 'Más votadas primero (lo calcula la votación; mientras no, como NEWEST).' },
    RANK: { description: 'Por posición en el ranking (lo calculan votación y evaluación; mientras no, como NEWEST).' },
    RANDOM: {
      description:
        'Orden aleatorio estable: el mismo siempre para la misma cuenta, y para visitantes anónimos el mismo durante un día (UTC). El cursor conserva el orden de la primera página, así que paginar nunca repite ni salta propuestas.',
    },
  },
});

@InputType('ProposalFilter', { description: 'Filtros del listado de propuestas.' })
export class ProposalFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Búsqueda de texto completo en español sobre título y resumen (sin distinguir acentos). En propuestas ocultas o no elegibles, el público solo busca en el título.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  @NoControlChars()
  search?: string | null;

  @Field(() => [ProposalStatusEnum], {
    nullable: true,
    description:
      'Default: SUBMITTED only. Cualquiera puede pedir WITHDRAWN, HIDDEN e INELIGIBLE (de las ocultas y no elegibles el público ve solo título y motivo). DRAFT, y los retirados sin haberse enviado, solo aparecen a sus autoras y autores.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn(Object.values(ProposalStatusEnum), { each: true })
  statuses?: ProposalStatus[] | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Only proposals still in the running at this round position (stage ≥ position).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  stage?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Solo las ganadoras (vacío mientras no haya resultados).' })
  @IsOptional()
  @IsBoolean()
  winnersOnly?: boolean | null;
}

@ArgsType()
export class ProposalListArgs extends PageArgs {
  @Field(() => ProposalFilter, { nullable: true, description: 'Filtros opcionales.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProposalFilter)
  filter?: ProposalFilter | null;

  @Field(() => ProposalOrderEnum, { nullable: true, defaultValue: 'NEWEST', description: 'Orden.' })
  @Transform(({ value }: { value: unknown }) => value ?? 'NEWEST')
  @IsIn(Object.values(ProposalOrderEnum))
  orderBy: ProposalOrder = 'NEWEST';
}
