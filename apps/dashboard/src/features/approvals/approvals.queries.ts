import { graphql } from '../../gql/index.js';

/** The school's enrolments that needed the head's approval: awaiting first, then decided (§V.D). */
export const EnrollmentApprovalsQuery = graphql(`
  query ApprovalsList {
    enrollmentApprovals {
      enrollmentId
      learnerId
      lrn
      lastName
      firstName
      middleName
      schoolYear
      gradeLevel
      status
      enrolledOn
      firstAttendance
      requestedOn
      reasons
      remainingSchoolDays
      requiredSchoolDays
      backdatedDays
      catchUpPlanRequired
      decidedOn
      catchUpPlan
      declineReason
    }
  }
`);

/** The count the header shows: no personal data. */
export const EnrollmentApprovalsAwaitingQuery = graphql(`
  query ApprovalsAwaiting {
    enrollmentApprovalsAwaiting
  }
`);

export const ApproveEnrollmentMutation = graphql(`
  mutation ApprovalsApprove($input: ApproveEnrollmentInput!, $key: String) {
    approveEnrollment(input: $input, idempotencyKey: $key) {
      message
      lrn
      enrollment {
        id
        status
      }
    }
  }
`);

export const DeclineEnrollmentMutation = graphql(`
  mutation ApprovalsDecline($input: DeclineEnrollmentInput!, $key: String) {
    declineEnrollment(input: $input, idempotencyKey: $key) {
      message
      enrollment {
        id
        status
      }
    }
  }
`);
