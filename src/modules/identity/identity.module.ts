import { Module } from '@nestjs/common';
import { UsersLoaders } from './users.loaders.js';
import { UsersRepository } from './users.repository.js';

@Module({
  providers: [UsersRepository, UsersLoaders],
  exports: [UsersRepository, UsersLoaders],
})
export class IdentityModule {}
