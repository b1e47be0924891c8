import { graphql } from '../../gql/index.js';

export const trackerQuery = graphql(`
  query EarlyRegistrationTracker(
    $schoolYear: String!
    $divisionId: ID
    $regionId: ID
    $districtId: ID
    $withSchools: Boolean!
  ) {
    earlyRegistrationProgress(
      schoolYear: $schoolYear
      divisionId: $divisionId
      regionId: $regionId
      districtId: $districtId
    ) {
      schoolYear
      asOf
      windowStart
      windowEnd
      registrations
      previousYearEnrollment
      progress
      target
      schoolsBehindTarget
      outOfSchoolChildren
      outOfSchoolYouth
      days {
        date
        registrations
        cumulative
        previousYearCumulative
      }
      regions {
        region {
          id
          name
        }
        schools
        schoolsWithoutRegistration
        schoolsBehindTarget
        registrations
        previousYearEnrollment
        progress
      }
      divisions {
        division {
          id
          name
        }
        schools
        schoolsWithoutRegistration
        schoolsBehindTarget
        registrations
        previousYearEnrollment
        progress
      }
      schools @include(if: $withSchools) {
        school {
          id
          schoolId
          name
          district {
            id
            name
          }
        }
        registrations
        previousYearEnrollment
        progress
        target
        behindTarget
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

/** A division's districts, for the district filter of the division's pages. */
export const divisionDistrictsQuery = graphql(`
  query DivisionDistricts($divisionId: ID!) {
    division(id: $divisionId) {
      id
      name
      schoolCount
      districts {
        id
        name
        schoolCount
      }
    }
  }
`);
