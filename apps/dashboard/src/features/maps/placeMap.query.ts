import { graphql } from '../../gql/index.js';

/** The figures of the places a map draws: regions (national) or divisions (a region's). */
export const placeMapQuery = graphql(`
  query PlaceMap($filter: EnrollmentSummaryFilter!, $groupBy: [Dimension!]!) {
    enrollmentSummary(filter: $filter, groupBy: $groupBy) {
      asOf
      region {
        id
      }
      division {
        id
      }
      learners
      male
      female
      previousYearLearners
    }
  }
`);

/**
 * Last year's learners of the places followed into the map's year (issue 22), by grade: the
 * dropout and transition measures of the map.
 */
export const placeFlowsQuery = graphql(`
  query PlaceFlows($filter: LearnerFlowFilter!, $groupBy: [Dimension!]!) {
    learnerFlows(filter: $filter, groupBy: $groupBy) {
      region {
        id
      }
      division {
        id
      }
      gradeLevel
      cohort
      promoted
      notEnrolled
    }
  }
`);
