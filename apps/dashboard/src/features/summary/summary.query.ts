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
