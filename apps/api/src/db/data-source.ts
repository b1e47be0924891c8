import 'reflect-metadata';
import { type Pool } from 'pg';
import { DataSource, type Logger } from 'typeorm';
import { migrations } from './migrations/index.js';

/** The entity classes a data source maps (never a glob): the app's list is src/entities.ts. */
export type EntityList = readonly (new () => object)[];

export interface DataSourceSettings {
  /** The entities to map; the modules register theirs in src/entities.ts. */
  entities: EntityList;
  poolSize?: number;
  logger?: Logger;
  /** What pg_stat_activity shows for the connections; a cluster worker adds its number. */
  applicationName?: string;
}

export function createDataSource(url: string, options: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: [...options.entities],
    migrations,
    migrationsTableName: 'migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'deped-enrollment-api',
    ...(options.logger ? { logger: options.logger, logging: ['query' as const] } : {}),
  });
}

/** The data source's own pool: for work outside TypeORM (a load's connections, a report's rows). */
export const poolOf = (dataSource: DataSource) =>
  (dataSource.driver as unknown as { master: Pool }).master;
