import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * How many learners outside its place an account was shown on one day (issue 18), by search,
 * import preview and the duplicate check of a new learner together, each candidate counted. A quota
 * per day caps it (lookup-quota.ts); the division reads its schools' counts.
 */
@Entity('lookup_count')
@Index('IDX_lookup_count_division_day', ['divisionId', 'day'])
export class LookupCountEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  /** The day in the Philippines (the app's clock). */
  @PrimaryColumn({ type: 'date' })
  day: string;

  /** The account's school, for a school account. */
  @Column({ name: 'school_id', type: 'int', nullable: true })
  schoolId: number | null;

  /** The account's division (its school's, for a school account). */
  @Column({ name: 'division_id', type: 'int', nullable: true })
  divisionId: number | null;

  @Column({ name: 'region_id', type: 'int', nullable: true })
  regionId: number | null;

  /** Learners outside the account's place shown that day. */
  @Column({ type: 'int', default: 0 })
  lookups: number;
}
