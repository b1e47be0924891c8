import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * A school year's calendar (SPEC §2): the administrator's opening and closing days, prescribed
 * school days and days without classes. The policy's dates derive from it by rule (domain
 * `policyDates`); a non-null override column replaces the derived date for that year.
 */
@Entity('school_calendar')
@Check('CHK_school_calendar_year', `"school_year" ~ '^[0-9]{4}-[0-9]{4}$'`)
@Check('CHK_school_calendar_days', `"closing_day" > "opening_day" AND "prescribed_school_days" > 0`)
export class SchoolCalendarEntity {
  @PrimaryColumn({ name: 'school_year', type: 'varchar', length: 9 })
  schoolYear: string;

  @Column({ name: 'opening_day', type: 'date' })
  openingDay: string;

  @Column({ name: 'closing_day', type: 'date' })
  closingDay: string;

  @Column({ name: 'prescribed_school_days', type: 'smallint' })
  prescribedSchoolDays: number;

  @Column({ name: 'non_school_days', type: 'date', array: true, default: () => "'{}'" })
  nonSchoolDays: string[];

  @Column({ name: 'early_registration_start', type: 'date', nullable: true })
  earlyRegistrationStart: string | null;

  @Column({ name: 'early_registration_end', type: 'date', nullable: true })
  earlyRegistrationEnd: string | null;

  @Column({ name: 'age_cutoff', type: 'date', nullable: true })
  ageCutoff: string | null;

  @Column({ name: 'document_deadline', type: 'date', nullable: true })
  documentDeadline: string | null;

  @Column({ name: 'transfer_window_start', type: 'date', nullable: true })
  transferWindowStart: string | null;

  @Column({ name: 'transfer_window_end', type: 'date', nullable: true })
  transferWindowEnd: string | null;

  @Column({ name: 'quick_count_start', type: 'date', nullable: true })
  quickCountStart: string | null;

  @Column({ name: 'quick_count_end', type: 'date', nullable: true })
  quickCountEnd: string | null;

  /** The ALS guide's step 4 cut-off: set by the administrator each year, none by rule. */
  @Column({ name: 'als_first_attendance_cutoff', type: 'date', nullable: true })
  alsFirstAttendanceCutoff: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
