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
