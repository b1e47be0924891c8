import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { RegionEntity } from '../region/region.entity.js';

/** A Schools Division Office. Its name alone is not unique (San Carlos City, San Fernando City). */
@Entity('division')
@Unique('UQ_division_region_name', ['regionId', 'name'])
export class DivisionEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ name: 'region_id', type: 'smallint' })
  regionId: number;

  // No inverse side on RegionEntity: a region's divisions are read by divisionsByRegionIdLoader,
  // and the two entity files would otherwise import each other.
  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_division_region' })
  region: Relation<RegionEntity>;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ name: 'is_overseas', type: 'boolean', default: false })
  isOverseas: boolean;

  /** The PSGC province (NCR: district) it is drawn in on maps; null overseas. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  province: string | null;
}
