import 'reflect-metadata';
import { DataSource, type Logger } from 'typeorm';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

export function createDataSource(
  url: string,
  options: { poolSize?: number; logger?: Logger } = {},
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize: options.poolSize ?? 10,
    applicationName: 'deped-enrollment-api',
    ...(options.logger ? { logger: options.logger, logging: ['query' as const] } : {}),
  });
}
