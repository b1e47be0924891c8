import { graphql } from '../../gql/index.js';

export const AccountsQuery = graphql(`
  query Accounts($search: String, $limit: Int!, $offset: Int!) {
    accounts(search: $search, limit: $limit, offset: $offset) {
      total
      items {
        id
        username
        displayName
        role
        email
        disabled
        awaitingPassword
        lastSignInAt
        school {
          schoolId
          name
        }
        division {
          id
          name
        }
        region {
          id
          name
        }
      }
    }
  }
`);

export const AccountEventsQuery = graphql(`
  query AccountEvents {
    accountEvents(limit: 20) {
      id
      at
      action
      actor
      username
      role
    }
  }
`);

export const PlacesQuery = graphql(`
  query AccountPlaces {
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

export const CreateAccountMutation = graphql(`
  mutation CreateAccount($input: NewAccountInput!) {
    createAccount(input: $input) {
      setupCode
      setupCodeExpiresAt
      account {
        id
        username
      }
    }
  }
`);

export const DisableAccountMutation = graphql(`
  mutation DisableAccount($id: ID!) {
    disableAccount(id: $id) {
      id
      disabled
    }
  }
`);

export const EnableAccountMutation = graphql(`
  mutation EnableAccount($id: ID!) {
    enableAccount(id: $id) {
      id
      disabled
    }
  }
`);

export const ResetAccountMutation = graphql(`
  mutation ResetAccountPassword($id: ID!) {
    resetAccountPassword(id: $id) {
      setupCode
      setupCodeExpiresAt
      account {
        id
        username
        awaitingPassword
      }
    }
  }
`);

export const SetPasswordMutation = graphql(`
  mutation SetPassword($username: String!, $code: String!, $password: String!) {
    setPassword(username: $username, code: $code, password: $password)
  }
`);
