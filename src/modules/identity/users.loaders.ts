import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { RequestLoaders } from '../../infrastructure/graphql/request-loaders.js';
import { PublicUserModel } from './dto/public-user.model.js';
import { UsersRepository } from './users.repository.js';

/** Public profiles by id, batched per request. */
@Injectable()
export class UsersLoaders extends RequestLoaders<{ publicUser: DataLoader<string, PublicUserModel | null> }> {
  constructor(private readonly users: UsersRepository) {
    super();
  }

  protected create() {
    return {
      publicUser: new DataLoader<string, PublicUserModel | null>(async (ids) => {
        const byId = new Map(
          (await this.users.findByIds(ids)).map((u) => [
            u.id,
            { id: u.id, displayName: u.displayName, anonymousInPublic: u.anonymousInPublic },
          ]),
        );
        return ids.map((id) => byId.get(id) ?? null);
      }),
    };
  }
}
