import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A DepEd region (17 domestic plus PSO for Philippine schools overseas). */
@Entity('region')
export class RegionEntity {
  /** Stable: the row order of DepEd's SY 2023-24 region list. */
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'varchar', length: 40, unique: true })
  name: string;

  @Column({ name: 'long_name', type: 'varchar', length: 120 })
  longName: string;

  @Column({ name: 'psgc_code', type: 'char', length: 2, nullable: true })
  psgcCode: string | null;

  @Column({ name: 'is_overseas', type: 'boolean', default: false })
  isOverseas: boolean;
}
