import { Link } from 'react-router';
import { type EnrollmentResultFieldsFragment } from '../../gql/graphql.js';
import { routes } from '../../routes.js';
import { statusLabel } from '../labels.js';
import { documentLabel } from './enrollment-labels.js';
import { StepHeading } from './StepHeading.js';

/** The confirmation of ALS guide step 5, with what the policy decided. */
export function EnrollmentDone({
  result,
  again,
  againLabel,
}: {
  result: EnrollmentResultFieldsFragment;
  again: () => void;
  againLabel: string;
}) {
  const e = result.enrollment;
  return (
    <section role="status" aria-labelledby="done-heading" className="enroll-done">
      <StepHeading id="done-heading">{result.message}</StepHeading>
      <dl className="enroll-facts">
        <dt>Status</dt>
        <dd>{statusLabel[e.status]}</dd>
        {result.lrn ? (
          <>
            <dt>LRN</dt>
            <dd>{result.lrn}</dd>
          </>
        ) : null}
        {e.firstAttendance ? (
          <>
            <dt>First date of attendance</dt>
            <dd>{e.firstAttendance}</dd>
          </>
        ) : null}
        {e.missingDocuments.length > 0 ? (
          <>
            <dt>Documents still due{e.documentsDueBy ? ` by ${e.documentsDueBy}` : ''}</dt>
            <dd>{e.missingDocuments.map((d) => documentLabel[d]).join(', ')}</dd>
          </>
        ) : null}
        {e.status === 'AWAITING_APPROVAL' ? (
          <>
            <dt>Next</dt>
            <dd>
              The school head approves it with a catch-up plan or declines it, under{' '}
              <Link to={routes.approvals}>Approvals</Link>; the learner is not counted as enrolled
              until then.
            </dd>
          </>
        ) : null}
        {result.recommendation ? (
          <>
            <dt>Recommendation</dt>
            <dd>{result.recommendation}</dd>
          </>
        ) : null}
      </dl>
      <button type="button" onClick={again}>
        {againLabel}
      </button>
    </section>
  );
}
