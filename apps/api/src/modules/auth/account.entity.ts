import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { DivisionEntity } from '../division/division.entity.js';
import { RegionEntity } from '../region/region.entity.js';
import { SchoolEntity } from '../school/school.entity.js';

/** A user account, scoped to exactly the kind of place its role covers (SPEC §1). */
@Entity('account')
@Check(
  'CHK_account_role',
  `"role" IN ('SCHOOL_REGISTRAR', 'SCHOOL_HEAD', 'ALS_FACILITATOR', 'DIVISION_MONITOR', 'REGIONAL_PLANNER', 'NATIONAL_ANALYST', 'ADMINISTRATOR')`,
)
@Check(
  'CHK_account_scope',
  `("role" IN ('SCHOOL_REGISTRAR', 'SCHOOL_HEAD', 'ALS_FACILITATOR') AND "school_id" IS NOT NULL AND "division_id" IS NULL AND "region_id" IS NULL)
   OR ("role" = 'DIVISION_MONITOR' AND "school_id" IS NULL AND "division_id" IS NOT NULL AND "region_id" IS NULL)
   OR ("role" = 'REGIONAL_PLANNER' AND "school_id" IS NULL AND "division_id" IS NULL AND "region_id" IS NOT NULL)
   OR ("role" IN ('NATIONAL_ANALYST', 'ADMINISTRATOR') AND "school_id" IS NULL AND "division_id" IS NULL AND "region_id" IS NULL)`,
)
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 60, unique: true })
  username: string;

  /** Null until the user sets one with the one-time code (issue 20), and after a reset. */
  @Column({ name: 'password_hash', type: 'varchar', length: 100, nullable: true })
  passwordHash: string | null;

  /** For single sign-on: the verified e-mail that maps to this account, lower-case (issue 20). */
  @Column({ type: 'varchar', length: 254, nullable: true, unique: true })
  email: string | null;

  /** SHA-256 of the one-time code that sets the password, while one is outstanding. */
  @Column({ name: 'setup_code_hash', type: 'char', length: 64, nullable: true })
  setupCodeHash: string | null;

  @Column({ name: 'setup_code_expires_at', type: 'timestamptz', nullable: true })
  setupCodeExpiresAt: Date | null;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  /** Who created it (null: a command on the server, or before issue 20). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_account_created_by' })
  creator: Relation<AccountEntity> | null;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName: string;

  @Column({ type: 'varchar', length: 20 })
  role: string;

  @Column({ name: 'school_id', type: 'integer', nullable: true })
  schoolId: number | null;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'FK_account_school' })
  school: Relation<SchoolEntity> | null;

  @Column({ name: 'division_id', type: 'smallint', nullable: true })
  divisionId: number | null;

  @ManyToOne(() => DivisionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'division_id', foreignKeyConstraintName: 'FK_account_division' })
  division: Relation<DivisionEntity> | null;

  @Column({ name: 'region_id', type: 'smallint', nullable: true })
  regionId: number | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_account_region' })
  region: Relation<RegionEntity> | null;

  /** Demo accounts (SPEC §7) exist only in demo mode and are removed outside it. */
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}
