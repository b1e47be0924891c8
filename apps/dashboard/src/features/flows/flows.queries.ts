import { graphql } from '../../gql/index.js';

/** The cohort years learnerFlows answers for a place: each year whose next year has opened. */
export const flowYearsQuery = graphql(`
  query FlowYears($filter: LearnerFlowFilter!) {
    learnerFlows(filter: $filter, groupBy: [SCHOOL_YEAR]) {
      schoolYear
      nextSchoolYear
      cohort
    }
  }
`);

/**
 * One cohort year of a place, grade by grade: the flow picture takes its grade's row, the
 * indicator table every row; so changing the grade asks nothing more of the API.
 */
export const flowsByGradeQuery = graphql(`
  query FlowsByGrade($filter: LearnerFlowFilter!) {
    learnerFlows(filter: $filter, groupBy: [GRADE_LEVEL]) {
      asOf
      schoolYear
      nextSchoolYear
      gradeLevel
      cohort
      promoted
      repeated
      completed
      transferredToAls
      notEnrolled
      otherSchool
      promotionRate
      repetitionRate
      dropoutRate
      transitionRate
      completionRate
      genderParity {
        promotionRate
        repetitionRate
        dropoutRate
        transitionRate
        completionRate
      }
    }
  }
`);
