import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which reference file was loaded, by checksum, so a restart skips data already there. */
@Entity('reference_data_load')
export class ReferenceDataLoadEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'char', length: 64 })
  checksum: string;

  @Column({ type: 'integer' })
  rows: number;

  @Column({ name: 'loaded_at', type: 'timestamptz', default: () => 'now()' })
  loadedAt: Date;
}
