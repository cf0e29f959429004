import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from './domain-error.js';

@ObjectType('PageInfo', { description: 'Dónde termina la página y si hay más.' })
export class PageInfo {
  @Field({ description: 'Hay más elementos después de esta página.' })
  hasNextPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor opaco del último elemento; pásalo en `after` para la siguiente página.',
  })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Cuántos elementos (1..100).' })
  @Transform(({ value }: { value: unknown }) => value ?? 20)
  @IsInt()
  @Min(1, { message: 'first debe ser al menos 1' })
  @Max(100, { message: 'first no puede ser mayor que 100' })
  first = 20;

  @Field(() => String, { nullable: true, description: 'Cursor opaco devuelto como endCursor de la página anterior.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}

/** Cursors are opaque to clients: a base64url position in a stable order. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

/** The offset where the page after `cursor` starts; BAD_USER_INPUT for a cursor we did not issue. */
export function offsetAfter(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw DomainError.field('after', 'El cursor no es válido.');
  return Number(match[1]) + 1;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds a connection from up to `first + 1` rows fetched from `offset` in a stable order. */
export function toConnection<T>(rows: T[], page: { first: number; offset: number }, totalCount: number): Connection<T> {
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/** Declares the GraphQL `XEdge` and `XConnection` types of the contract for a node type. */
export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `Un ${name} con su cursor.` })
  class Edge {
    @Field({ description: 'Cursor opaco de este elemento.' })
    cursor: string;

    @Field(() => node, { description: 'El elemento.' })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `Página de ${name}.` })
  class ConnectionClass {
    @Field(() => [Edge], { description: 'Elementos con sus cursores.' })
    edges: Edge[];

    @Field(() => [node], { description: 'Los elementos de la página.' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Información de paginación.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Total de elementos que cumplen el filtro.' })
    totalCount: number;
  }
  return ConnectionClass;
}
