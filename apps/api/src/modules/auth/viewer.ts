import { type Role, type ScopeKind } from '@repo/domain/access';

/** Who is asking, and the place their account covers; taken from a verified token. */
export interface Viewer {
  accountId: string;
  username: string;
  role: Role;
  scope: ViewerScope;
  /** The sign-in the token belongs to (account_session); `logout` ends it. */
  sessionId?: string;
}

export type ViewerScope =
  | { kind: Extract<ScopeKind, 'SCHOOL'>; schoolId: number }
  | { kind: Extract<ScopeKind, 'DIVISION'>; divisionId: number }
  | { kind: Extract<ScopeKind, 'REGION'>; regionId: number }
  | { kind: Extract<ScopeKind, 'NATION'> };
