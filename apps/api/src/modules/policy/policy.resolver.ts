import { checkEligibility } from '@repo/domain/check-eligibility';
import { toCivilDate } from '@repo/domain/learner-profile';
import { Arg, Query, Resolver } from 'type-graphql';
import { clock } from '../../clock.js';
import { badUserInput } from '../../errors.js';
import { CheckEligibilityInput } from './check-eligibility.input.js';
import { EligibilityResult } from './eligibility.type.js';

@Resolver()
export class PolicyResolver {
  @Query(() => EligibilityResult, {
    description:
      'The enrollment policy as a query: eligibility, documents and the resulting status. Reads no personal data.',
  })
  checkEligibility(
    @Arg('input', () => CheckEligibilityInput) input: CheckEligibilityInput,
  ): EligibilityResult {
    // A day that does not exist is refused, never judged (issue 19: "2024-13-01" was eligible).
    if (input.asOf != null && !toCivilDate(input.asOf))
      throw badUserInput(
        'input.asOf',
        'DATE_INVALID',
        'input.asOf must be a real day (YYYY-MM-DD)',
      );
    return Object.assign(
      new EligibilityResult(),
      checkEligibility({ ...input, asOf: input.asOf ?? clock.today() }),
    );
  }
}
