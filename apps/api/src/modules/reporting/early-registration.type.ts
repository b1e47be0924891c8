import { OutOfSchoolCircumstance } from '@repo/domain/early-registration';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Division } from '../division/division.type.js';
import { Region } from '../region/region.type.js';
import { type SchoolProgress } from './early-registration.progress.js';
import { School } from '../school/school.type.js';

@ObjectType({ description: 'Early registrations of one day of the window, in the place asked.' })
export class EarlyRegistrationDay {
  @Field({ description: 'YYYY-MM-DD' })
  date: string;

  @Field(() => Int, { description: 'Registrations in the early-registration grades that day.' })
  registrations: number;

  @Field(() => Int, { description: 'Registrations up to and including that day.' })
  cumulative: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "The place's enrollment in the same grades the school year before: the line cumulative climbs towards (the same every day).",
  })
  previousYearEnrollment: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Last season's registrations in the same grades up to the same day of its window (as many days from its first day as this day is from this window's first): the line to compare cumulative with. Null when last season has no calendar.",
  })
  previousYearCumulative: number | null;
}

@ObjectType({ description: "One school's early registration against its previous year." })
export class EarlyRegistrationSchool {
  @Field(() => School)
  school: School;

  @Field(() => Int, { description: 'Registrations in the early-registration grades so far.' })
  registrations: number;

  @Field(() => Int, {
    description:
      'Learners enrolled (temporarily or officially) in the same grades the school year before.',
  })
  previousYearEnrollment: number;

  @Field(() => Float, {
    nullable: true,
    description: 'registrations / previousYearEnrollment; null when the latter is 0.',
  })
  progress: number | null;

  @Field(() => String, { nullable: true, description: 'The latest registration day; YYYY-MM-DD.' })
  lastRegistrationOn: string | null;

  @Field(() => Int, {
    description:
      'Registrations a steady pace through the window would have by today: that share of previousYearEnrollment, rounded up (all of it from the window’s last day).',
  })
  target: number;

  @Field({ description: 'Fewer registrations than the target: a laggard.' })
  behindTarget: boolean;
}

/** A place's listed schools summed: a subtotal of the tracker (a base, emitted only as its kinds). */
@ObjectType()
export abstract class EarlyRegistrationSubtotal {
  @Field(() => Int, { description: 'Schools listed for the place.' })
  schools: number;

  @Field(() => Int)
  schoolsWithoutRegistration: number;

  @Field(() => Int, { description: 'Listed schools behind their target to date.' })
  schoolsBehindTarget: number;

  @Field(() => Int)
  registrations: number;

  @Field(() => Int)
  previousYearEnrollment: number;

  @Field(() => Float, { nullable: true })
  progress: number | null;
}

@ObjectType({ description: "One division's early registration against its previous year." })
export class EarlyRegistrationDivision extends EarlyRegistrationSubtotal {
  @Field(() => Division)
  division: Division;
}

@ObjectType({ description: "One region's early registration against its previous year." })
export class EarlyRegistrationRegion extends EarlyRegistrationSubtotal {
  @Field(() => Region)
  region: Region;
}

@ObjectType({
  description: 'Out-of-school children and youth registered with one circumstance (§V.A).',
})
export class OutOfSchoolByCircumstance {
  @Field(() => OutOfSchoolCircumstance)
  circumstance: OutOfSchoolCircumstance;

  @Field(() => Int, { description: 'Out-of-school children (OSC).' })
  children: number;

  @Field(() => Int, { description: 'Out-of-school youth (OSY).' })
  youth: number;
}

@ObjectType({
  description:
    'The early-registration tracker (SPEC §4.2, §5): registrations day by day in the window, each school against its enrollment of the same grades the year before (laggards first), and the out-of-school children and youth by circumstance.',
})
export class EarlyRegistrationProgress {
  @Field()
  schoolYear: string;

  @Field({
    description:
      "The database's time when the statement that counted the answer ran: what it is as of.",
  })
  asOf: Date;

  @Field({ description: 'First day of the early-registration window; YYYY-MM-DD.' })
  windowStart: string;

  @Field({ description: 'Last day of the early-registration window; YYYY-MM-DD.' })
  windowEnd: string;

  @Field(() => Int, { description: 'Registrations in the early-registration grades, in all.' })
  registrations: number;

  @Field(() => Int, {
    description: 'Enrollment in the same grades the school year before, in all.',
  })
  previousYearEnrollment: number;

  @Field(() => Float, { nullable: true })
  progress: number | null;

  @Field(() => Int, { description: 'The place’s target to date (see EarlyRegistrationSchool).' })
  target: number;

  @Field(() => Int, { description: 'Listed schools behind their target to date.' })
  schoolsBehindTarget: number;

  @Field(() => Int, { description: 'OSC registered, in any grade or ALS program.' })
  outOfSchoolChildren: number;

  @Field(() => Int, { description: 'OSY registered, in any grade or ALS program.' })
  outOfSchoolYouth: number;

  @Field(() => [EarlyRegistrationDay], {
    description:
      'Every day of the window up to today (and any day outside it that has registrations), oldest first.',
  })
  days: EarlyRegistrationDay[];

  @Field(() => [EarlyRegistrationDivision], { description: 'Lowest progress first.' })
  divisions: EarlyRegistrationDivision[];

  @Field(() => [EarlyRegistrationRegion], {
    description: 'Lowest progress first: the nation’s subtotals; one row for any narrower place.',
  })
  regions: EarlyRegistrationRegion[];

  @Field(() => [EarlyRegistrationSchool], {
    description:
      'Schools offering an early-registration grade (or with registrations or last year’s enrollment in one): those with no registration yet first, largest last year first; then lowest progress.',
  })
  schools: EarlyRegistrationSchool[];

  /** The schools as the service listed them, unsorted: `schools` is made from them. */
  listedSchools: SchoolProgress[];

  @Field(() => [OutOfSchoolByCircumstance], {
    description:
      'Every circumstance, in the order of §V.A. A learner registered with several circumstances counts under each.',
  })
  outOfSchool: OutOfSchoolByCircumstance[];
}
