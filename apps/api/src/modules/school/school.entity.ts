import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { DistrictEntity } from '../division/district.entity.js';
import { DivisionEntity } from '../division/division.entity.js';
import { RegionEntity } from '../region/region.entity.js';

/**
 * A school. The primary key is DepEd's own 6-digit School ID, so enrollment rows and imports
 * reference schools without a lookup.
 */
@Entity('school')
@Check('CHK_school_sector', `"sector" IN ('PUBLIC', 'PRIVATE', 'SUC_LUC')`)
@Check('CHK_school_details_source', `"details_source" IN ('OFFICIAL_SY2023_24', 'MASTERLIST_2019')`)
@Index('IDX_school_division_name', ['divisionId', 'name'])
export class SchoolEntity {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Index('IDX_school_region_id')
  @Column({ name: 'region_id', type: 'smallint' })
  regionId: number;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_school_region' })
  region: Relation<RegionEntity>;

  @Column({ name: 'division_id', type: 'smallint' })
  divisionId: number;

  @ManyToOne(() => DivisionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'division_id', foreignKeyConstraintName: 'FK_school_division' })
  division: Relation<DivisionEntity>;

  @Index('IDX_school_district_id')
  @Column({ name: 'district_id', type: 'integer', nullable: true })
  districtId: number | null;

  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'FK_school_district' })
  district: Relation<DistrictEntity> | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  province: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  municipality: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  barangay: string | null;

  @Column({ type: 'varchar', length: 10 })
  sector: string;

  @Column({ name: 'offers_kinder', type: 'boolean' })
  offersKinder: boolean;

  @Column({ name: 'offers_elementary', type: 'boolean' })
  offersElementary: boolean;

  @Column({ name: 'offers_junior_high', type: 'boolean' })
  offersJuniorHigh: boolean;

  @Column({ name: 'offers_senior_high', type: 'boolean' })
  offersSeniorHigh: boolean;

  /** Hosts an ALS community learning center (SPEC §2). */
  @Column({ name: 'is_als_learning_center', type: 'boolean', default: false })
  isAlsLearningCenter: boolean;

  /** How complete the row is: the official SY 2023-24 list, or the 2019 masterlist plus derivations. */
  @Column({ name: 'details_source', type: 'varchar', length: 20 })
  detailsSource: string;
}
