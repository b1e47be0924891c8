import { GraphQLError } from 'graphql';
import { type DataSource } from 'typeorm';
import { verifyToken } from './modules/auth/auth.service.js';
import { type SessionCookie, viewerOfCookie } from './modules/auth/session-cookie.js';
import { type Viewer } from './modules/auth/viewer.js';
import { byIdLoader } from './db/by-id-loader.js';
import { type RateLimiter } from './rate-limiter.js';
import { DistrictEntity } from './modules/division/district.entity.js';
import {
  districtsByDivisionIdLoader,
  divisionsByRegionIdLoader,
} from './modules/division/division.loaders.js';
import { DivisionEntity } from './modules/division/division.entity.js';
import { RegionEntity } from './modules/region/region.entity.js';
import { SchoolEntity } from './modules/school/school.entity.js';
import {
  schoolCountLoader,
  schoolMatchCountLoader,
  schoolPageLoader,
} from './modules/school/school.loaders.js';

/** Request-scoped loaders: each request batches and caches on its own. */
export function createLoaders(dataSource: DataSource) {
  return {
    regionById: byIdLoader(dataSource, RegionEntity),
    divisionById: byIdLoader(dataSource, DivisionEntity),
    divisionsByRegionId: divisionsByRegionIdLoader(dataSource),
    districtById: byIdLoader(dataSource, DistrictEntity),
    districtsByDivisionId: districtsByDivisionIdLoader(dataSource),
    schoolById: byIdLoader(dataSource, SchoolEntity),
    schoolCountByRegionId: schoolCountLoader(dataSource, 'region'),
    schoolCountByDivisionId: schoolCountLoader(dataSource, 'division'),
    schoolCountByDistrictId: schoolCountLoader(dataSource, 'district'),
    schoolMatchCount: schoolMatchCountLoader(dataSource),
    schoolPage: schoolPageLoader(dataSource),
  };
}

export interface Context {
  dataSource: DataSource;
  loaders: ReturnType<typeof createLoaders>;
  /** Null when the request carries no token. */
  viewer: Viewer | null;
  /** The address the request came from (the TCP peer), for sign-in limits and sessions. */
  clientAddress: string;
  /** The app's rate limits (one per API process). */
  limiter: RateLimiter;
  /** The dashboard's session cookie (session-cookie.ts); null outside an HTTP request. */
  cookie: SessionCookie | null;
}

/** What the HTTP request gives the context besides the data source. */
export interface RequestFacts {
  authorization?: string;
  clientAddress?: string;
  limiter: RateLimiter;
  cookie?: SessionCookie;
}

/**
 * The request's context: a bad or expired token is refused here, before any resolver runs. A
 * bearer token wins over the session cookie.
 */
export async function createContext(
  dataSource: DataSource,
  { authorization, clientAddress, limiter, cookie }: RequestFacts,
): Promise<Context> {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (authorization && !token) {
    throw new GraphQLError('Authorization must be "Bearer <token>"', {
      extensions: { code: 'UNAUTHENTICATED', rule: 'TOKEN_INVALID', http: { status: 401 } },
    });
  }
  const viewer = token
    ? await verifyToken(dataSource, token)
    : cookie
      ? await viewerOfCookie(dataSource, cookie)
      : null;
  return {
    dataSource,
    loaders: createLoaders(dataSource),
    viewer,
    clientAddress: clientAddress ?? 'unknown',
    limiter,
    cookie: cookie ?? null,
  };
}
