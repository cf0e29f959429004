// The framework's ceiling for bench:votes (issue #17): NestJS + Fastify + Apollo (code-first) + TypeORM on PostgreSQL,
// as the API is built, with one mutation that inserts one row and one query that answers "hello". Nothing else:
// no authentication, rate limit, validation or domain rules. Started as its own process by the bench;
// env DATABASE_URL and PORT; prints "listening" once it accepts requests.
import 'reflect-metadata';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Args, Field, GraphQLModule, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@ObjectType()
class BaselineRow {
  @Field(() => ID)
  id: string;

  @Field()
  createdAt: Date;
}

@Injectable()
class BaselineRows {
  constructor(private readonly dataSource: DataSource) {}

  async insert(value: string): Promise<BaselineRow> {
    const [row]: { id: string; created_at: Date }[] = await this.dataSource.query(
      'INSERT INTO bench_baseline_rows (value) VALUES ($1) RETURNING id, created_at',
      [value],
    );
    return { id: row.id, createdAt: row.created_at };
  }
}

@Resolver()
class BaselineResolver {
  constructor(private readonly rows: BaselineRows) {}

  @Query(() => String)
  hello(): string {
    return 'hola';
  }

  @Mutation(() => BaselineRow)
  insertRow(@Args('value', { type: () => ID }) value: string): Promise<BaselineRow> {
    return this.rows.insert(value);
  }
}

@Module({
  imports: [
    TypeOrmModule.forRoot({ type: 'postgres', url: process.env.DATABASE_URL, extra: { max: 20 } }),
    GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, path: '/graphql', autoSchemaFile: true }),
  ],
  providers: [BaselineRows, BaselineResolver],
})
class BaselineModule {}

const app = await NestFactory.create<NestFastifyApplication>(BaselineModule, new FastifyAdapter(), {
  logger: ['warn'],
});
await app
  .get(DataSource)
  .query(
    'CREATE TABLE IF NOT EXISTS bench_baseline_rows (id bigserial PRIMARY KEY, value text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())',
  );
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('listening\n');
