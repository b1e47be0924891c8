import { graphql } from '../../gql/index.js';

/** Calendars: the policy dates the screens check as the user types (SPEC §2). */
export const SchoolCalendarsQuery = graphql(`
  query EnrollSchoolCalendars {
    schoolCalendars {
      schoolYear
      openingDay
      closingDay
      prescribedSchoolDays
      nonSchoolDays
      overridden
      policyDates {
        ageCutoff
        alsFirstAttendanceCutoff
        documentDeadline
        earlyRegistrationEnd
        earlyRegistrationStart
        quickCountEnd
        quickCountStart
        transferWindowEnd
        transferWindowStart
      }
    }
  }
`);

export const OwnSchoolQuery = graphql(`
  query EnrollOwnSchool($schoolId: String!) {
    school(schoolId: $schoolId) {
      schoolId
      name
      levelsOffered
    }
  }
`);

export const SearchLearnersQuery = graphql(`
  query EnrollSearchLearners($name: String, $lrn: String, $birthDate: String, $schoolYear: String) {
    searchLearners(
      name: $name
      lrn: $lrn
      birthDate: $birthDate
      schoolYear: $schoolYear
      limit: 10
    ) {
      learnerId
      lrn
      lastName
      firstName
      middleName
      extensionName
      birthDate
      sex
      lastSchoolId
      inScope
      likelyDuplicate
      reasons
      score
      enrolledThisYear {
        schoolYear
        schoolId
        schoolName
        preRegistered
        status
      }
    }
  }
`);

export const LearnerProfileQuery = graphql(`
  query EnrollLearnerProfile($id: ID!) {
    learner(id: $id) {
      id
      version
      lrn
      lastName
      firstName
      middleName
      extensionName
      birthDate
      sex
      placeOfBirth
      motherTongue
      isIndigenous
      ipCommunity
      isFourPs
      specialNeeds
      fatherName
      motherMaidenName
      guardianName
      address {
        street
        barangay
        municipality
        province
      }
      birthDocument {
        type
        receivedOn
      }
    }
  }
`);

export const UpdateLearnerMutation = graphql(`
  mutation EnrollUpdateLearner($id: ID!, $version: Int!, $input: UpdateLearnerInput!) {
    updateLearner(id: $id, version: $version, input: $input) {
      id
      version
    }
  }
`);

export const EnrollmentResultFields = graphql(`
  fragment EnrollmentResultFields on EnrollmentResult {
    message
    lrn
    reasons
    recommendation
    enrollment {
      id
      learnerId
      status
      gradeLevel
      strand
      documentsDueBy
      missingDocuments
      firstAttendance
      movedIn
      transferredIn
      leftOn
    }
  }
`);

export const EnrollLearnerMutation = graphql(`
  mutation EnrollLearner($input: EnrollLearnerInput!, $key: String) {
    enrollLearner(input: $input, idempotencyKey: $key) {
      ...EnrollmentResultFields
    }
  }
`);

/** A learner with no record registered and enrolled as one act: both saved, or neither (issue 21). */
export const EnrollNewLearnerMutation = graphql(`
  mutation EnrollNewLearner($input: EnrollNewLearnerInput!, $key: String) {
    enrollNewLearner(input: $input, idempotencyKey: $key) {
      ...EnrollmentResultFields
    }
  }
`);

export const PreRegisterMutation = graphql(`
  mutation EnrollPreRegister($input: PreRegisterInput!, $key: String) {
    preRegister(input: $input, idempotencyKey: $key) {
      ...EnrollmentResultFields
    }
  }
`);

export const RecordFirstAttendanceMutation = graphql(`
  mutation EnrollRecordFirstAttendance($input: FirstAttendanceInput!, $key: String) {
    recordFirstAttendance(input: $input, idempotencyKey: $key) {
      ...EnrollmentResultFields
    }
  }
`);

export const SubmitDocumentMutation = graphql(`
  mutation EnrollSubmitDocument($input: SubmitDocumentInput!, $key: String) {
    submitDocument(input: $input, idempotencyKey: $key) {
      ...EnrollmentResultFields
    }
  }
`);

export const MoveLearnerMutation = graphql(`
  mutation EnrollMoveLearner($input: MoveLearnerInput!, $key: String) {
    moveLearner(input: $input, idempotencyKey: $key) {
      ...EnrollmentResultFields
    }
  }
`);

export const TransferToAlsMutation = graphql(`
  mutation EnrollTransferToAls($input: TransferToAlsInput!, $key: String) {
    transferToAls(input: $input, idempotencyKey: $key) {
      ...EnrollmentResultFields
    }
  }
`);

export const DropOutMutation = graphql(`
  mutation EnrollDropOut($input: DropOutInput!, $key: String) {
    dropOut(input: $input, idempotencyKey: $key) {
      ...EnrollmentResultFields
    }
  }
`);

/** A learner's row of the class list, on screen and in its exports. */
export const ClassListRowFields = graphql(`
  fragment ClassListRowFields on ClassListRow {
    enrollmentId
    learnerId
    lrn
    lastName
    firstName
    middleName
    extensionName
    sex
    birthDate
    gradeLevel
    strand
    status
    firstAttendance
    documentsDueBy
    missingDocuments
    categories
  }
`);

export const ClassListQuery = graphql(`
  query EnrollClassList($schoolId: String!, $schoolYear: String!, $filter: ClassListFilter) {
    classList(schoolId: $schoolId, schoolYear: $schoolYear, filter: $filter) {
      total
      asOf
      rows {
        ...ClassListRowFields
      }
    }
  }
`);

/**
 * Every learner of the class list, for its CSV or its SF1 (issue 21): a query of its own, audited
 * as an export; the school's header for the SF1 beside it.
 */
export const ClassListExportQuery = graphql(`
  query EnrollClassListExport(
    $schoolId: String!
    $schoolYear: String!
    $format: ClassListExportFormat!
    $filter: ClassListSelection
  ) {
    classListExport(
      schoolId: $schoolId
      schoolYear: $schoolYear
      format: $format
      filter: $filter
    ) {
      rows {
        entry {
          ...ClassListRowFields
        }
        motherTongue
        ipCommunity
      }
    }
    school(schoolId: $schoolId) {
      schoolId
      name
      region {
        name
      }
      division {
        name
      }
      district {
        name
      }
    }
  }
`);

export const PreRegistrationsByDayQuery = graphql(`
  query EnrollPreRegistrationsByDay($schoolId: String!, $schoolYear: String!) {
    preRegistrationsByDay(schoolId: $schoolId, schoolYear: $schoolYear) {
      date
      registrations
      outOfSchoolChildren
      outOfSchoolYouth
    }
  }
`);

export const ImportSummary = graphql(`
  fragment ImportSummary on LearnerImport {
    id
    fileName
    status
    totalRows
    invalidRows
    suspectedDuplicates
    created
    enrolled
  }
`);

/** The preview: each row as judged, with its errors and the records it may duplicate. */
export const PreviewImportMutation = graphql(`
  mutation EnrollPreviewImport($input: LearnerImportInput!) {
    previewLearnerImport(input: $input) {
      ...ImportSummary
      rows {
        rowNumber
        outcome
        lastName
        firstName
        birthDate
        errors {
          field
          rule
        }
        candidates {
          learnerId
          lrn
          lastName
          firstName
          birthDate
          reasons
        }
      }
    }
  }
`);

/** The commit: what it did, row by row (the preview's rows are kept on screen). */
export const CommitImportMutation = graphql(`
  mutation EnrollCommitImport($importId: ID!, $confirmNewRows: [Int!]!) {
    commitLearnerImport(importId: $importId, confirmNewRows: $confirmNewRows) {
      ...ImportSummary
      committed {
        rowNumber
        result
        error
      }
    }
  }
`);
