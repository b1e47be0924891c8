import { graphql } from '../../gql/index.js';

export const trackerQuery = graphql(`
  query EarlyRegistrationTracker($schoolYear: String!, $divisionId: ID, $regionId: ID) {
    earlyRegistrationProgress(
      schoolYear: $schoolYear
      divisionId: $divisionId
      regionId: $regionId
    ) {
      schoolYear
      windowStart
      windowEnd
      registrations
      previousYearEnrollment
      progress
      outOfSchoolChildren
      outOfSchoolYouth
      days {
        date
        registrations
        cumulative
      }
      divisions {
        division {
          id
          name
        }
        registrations
        previousYearEnrollment
        progress
        schools
        schoolsWithoutRegistration
      }
      schools {
        school {
          id
          schoolId
          name
        }
        registrations
        previousYearEnrollment
        progress
        lastRegistrationOn
      }
      outOfSchool {
        circumstance
        children
        youth
      }
    }
  }
`);

export const trackerPlacesQuery = graphql(`
  query TrackerPlaces {
    regions {
      id
      name
      divisions {
        id
        name
      }
    }
  }
`);
