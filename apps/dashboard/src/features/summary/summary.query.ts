import { graphql } from '../../gql/index.js';

/**
 * Every measure of one place's overview in one request: the total, the level below, sectors,
 * grades and categories (SPEC §5).
 */
export const overviewQuery = graphql(`
  query EnrollmentOverview(
    $filter: EnrollmentSummaryFilter!
    $below: [Dimension!]!
    $withBelow: Boolean!
  ) {
    total: enrollmentSummary(filter: $filter, groupBy: []) {
      asOf
      learners
      male
      female
      genderParityIndex
      previousYearLearners
      change
      preRegistered
      temporarilyEnrolled
      officiallyEnrolled
      movedIn
      movedOut
      transferredIn
      transferredOut
      transferredToAls
      droppedOut
    }
    below: enrollmentSummary(filter: $filter, groupBy: $below) @include(if: $withBelow) {
      region {
        id
      }
      division {
        id
      }
      school {
        id
        schoolId
        name
      }
      learners
      male
      female
      genderParityIndex
      previousYearLearners
      change
    }
    bySector: enrollmentSummary(filter: $filter, groupBy: [SECTOR]) {
      sector
      learners
    }
    byGrade: enrollmentSummary(filter: $filter, groupBy: [GRADE_LEVEL]) {
      gradeLevel
      learners
      male
      female
    }
    byCategory: enrollmentSummary(filter: $filter, groupBy: [CATEGORY]) {
      category
      learners
      male
      female
      previousYearLearners
      change
    }
  }
`);

/**
 * A school year's temporarily enrolled learners in the viewer's scope with their document
 * deadlines (§V.C): the school page's deadline list and the enrollment screens' documents page.
 */
export const temporaryEnrollmentsQuery = graphql(`
  query TemporaryEnrollments($schoolYear: String!, $dueWithinDays: Int!) {
    temporaryEnrollments(schoolYear: $schoolYear, dueWithinDays: $dueWithinDays) {
      schoolId
      documentsDueBy
      daysLeft
      overdue
      learner {
        enrollmentId
        learnerId
        lrn
        lastName
        firstName
        middleName
        gradeLevel
        missingDocuments
      }
    }
  }
`);
