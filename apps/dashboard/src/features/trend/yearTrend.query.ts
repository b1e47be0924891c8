import { graphql } from '../../gql/index.js';

/** A place's learners by school year: every year, the page's other filters kept. */
export const yearTrendQuery = graphql(`
  query YearTrend($filter: EnrollmentSummaryFilter!) {
    enrollmentSummary(filter: $filter, groupBy: [SCHOOL_YEAR]) {
      asOf
      schoolYear
      learners
      male
      female
      genderParityIndex
    }
  }
`);
