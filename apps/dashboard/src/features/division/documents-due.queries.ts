import { graphql } from '../../gql/index.js';

/**
 * The division's follow-up list (issue 21): temporarily enrolled learners whose documents are
 * overdue or due soon, with only what a follow-up needs. `forExport` reads it for the CSV, which
 * the API records as an export.
 */
export const documentsDueQuery = graphql(`
  query DocumentsDue($schoolYear: String!, $filter: DocumentsDueFilter, $forExport: Boolean!) {
    documentsDue(schoolYear: $schoolYear, filter: $filter, forExport: $forExport) {
      total
      cap
      asOf
      rows {
        enrollmentId
        lrn
        lastName
        firstName
        middleName
        extensionName
        gradeLevel
        school {
          id
          schoolId
          name
          district {
            id
            name
          }
        }
        missingDocuments
        documentsDueBy
        daysLeft
        dueState
      }
      schools {
        id
        schoolId
        name
      }
    }
  }
`);
