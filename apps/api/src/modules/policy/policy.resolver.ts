import { checkEligibility } from '@repo/domain/check-eligibility';
import { Arg, Query, Resolver } from 'type-graphql';
import { clock } from '../../clock.js';
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
    return Object.assign(
      new EligibilityResult(),
      checkEligibility({ ...input, asOf: input.asOf ?? clock.today() }),
    );
  }
}
