import type { GraphqlContext } from './graphql-context.js';

/**
 * Base for a feature's DataLoaders. The provider is a singleton; `for(ctx)` gives the loaders
 * of the current request, created on first use, so batching and caching never cross requests.
 */
export abstract class RequestLoaders<T> {
  protected abstract create(ctx: GraphqlContext): T;

  for(ctx: GraphqlContext): T {
    let loaders = ctx.loaders.get(this) as T | undefined;
    if (!loaders) {
      loaders = this.create(ctx);
      ctx.loaders.set(this, loaders);
    }
    return loaders;
  }
}
