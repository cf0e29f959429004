import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { parseEnvironment } from '../../config/environment.js';
import { dataSourceOptions } from './data-source-options.js';

/** For the TypeORM CLI (`npm run migration:*`). */
export default new DataSource(dataSourceOptions(parseEnvironment(process.env).DATABASE_URL));
