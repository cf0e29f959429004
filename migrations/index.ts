import { Foundation1732000000000 } from './1732000000000-Foundation.js';

/** Every migration, oldest first. `npm run migration:generate` writes new files here: add them to this list. */
export const migrations = [Foundation1732000000000];
