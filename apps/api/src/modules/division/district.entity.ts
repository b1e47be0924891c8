import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { DivisionEntity } from './division.entity.js';

/** A school district within a division, as listed for SY 2023-24. */
@Entity('district')
@Unique('UQ_district_division_name', ['divisionId', 'name'])
export class DistrictEntity {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'division_id', type: 'smallint' })
  divisionId: number;

  @ManyToOne(() => DivisionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'division_id', foreignKeyConstraintName: 'FK_district_division' })
  division: Relation<DivisionEntity>;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  province: string | null;
}
