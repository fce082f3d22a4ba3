/** GitLab: the detail of each edition and the documentation links; names, editions and modes are in ../summary.ts. */
import type { AuthMethod, EditionDetail, ProviderDetail, TokenHint } from '../types.js';

const GITLAB_ROLE =
  'Updating issues someone else opened needs the Planner or Reporter role; Guest can only create.';

function gitlabMethods(where: 'gitlab.com' | 'instance'): AuthMethod[] {
  const onInstance = where === 'instance' ? ' (on your GitLab instance)' : '';
  const tokenHint: TokenHint =
    where === 'gitlab.com'
      ? {
          id: 'prefix',
          pattern: /^glpat-[A-Za-z0-9_.-]{20,}$/,
          warning: 'GitLab access tokens usually start with glpat-. Check that you copied the whole token.',
        }
      : {
          id: 'prefix',
          pattern: /^(?:[A-Za-z0-9_]+-)?glpat-[A-Za-z0-9_.-]{20,}$/,
          warning:
            'GitLab access tokens usually start with glpat-, but administrators can change the prefix. Check that you copied the whole token.',
        };
  const oauth: AuthMethod = {
    id: 'oauth2',
    kind: 'oauth',
    label: 'OAuth 2.0: approve access in GitLab',
    tokenType: 'gitlab_oauth',
    scopes: ['api'],
    grants: `Full API access as the approving user, to everything that user can reach: GitLab has no narrower scope that can write issues. ${GITLAB_ROLE}`,
    sentAs: 'bearer',
    revoke: {
      label: `Avatar → Edit profile → Applications → Authorized applications → Revoke${onInstance}`,
    },
    authRequiredAction:
      where === 'gitlab.com'
        ? 'Approve this product in GitLab with the api scope, signed in as a member with at least the Reporter (or Planner) role in the target project.'
        : 'Ask a GitLab administrator to register this product as an OAuth application on your instance with the api scope, then approve it signed in as a member with at least the Reporter (or Planner) role in the target project.',
  };
  const projectToken: AuthMethod = {
    id: 'project_access_token',
    kind: 'token',
    label: 'Project access token',
    tokenType: 'gitlab_project_access_token',
    scopes: ['api'],
    grants: `A bot member of one project with the role you pick: choose Reporter (or Planner) and the api scope. It expires like any GitLab token.${
      where === 'gitlab.com' ? ' On GitLab.com project tokens need Premium or Ultimate.' : ''
    }`,
    sentAs: 'private-token-header',
    revoke: { label: `Project → Settings → Access tokens → Revoke${onInstance}` },
    create: { label: `Project → Settings → Access tokens → Add new token${onInstance}` },
    authRequiredAction:
      'In the target project open Settings → Access tokens, add a token with the Reporter role and the api scope (creating one needs the Maintainer role), and paste it here.',
    tokenHints: [tokenHint],
  };
  const groupToken: AuthMethod = {
    id: 'group_access_token',
    kind: 'token',
    label: 'Group access token',
    tokenType: 'gitlab_group_access_token',
    scopes: ['api'],
    grants: `A bot member of one group and its projects with the role you pick: choose Reporter (or Planner) and the api scope.${
      where === 'gitlab.com' ? ' On GitLab.com group tokens need Premium or Ultimate.' : ''
    }`,
    sentAs: 'private-token-header',
    revoke: { label: `Group → Settings → Access tokens → Revoke${onInstance}` },
    create: { label: `Group → Settings → Access tokens → Add new token${onInstance}` },
    authRequiredAction:
      'In the group that holds the target project open Settings → Access tokens, add a token with the Reporter role and the api scope (creating one needs the Owner role), and paste it here.',
    tokenHints: [tokenHint],
  };
  const pat: AuthMethod = {
    id: 'pat',
    kind: 'token',
    label: 'Personal access token',
    tokenType: 'gitlab_pat',
    scopes: ['api'],
    grants: `Full API access as you, across every group and project you can reach, until it expires (at most 365 days by default). ${GITLAB_ROLE}`,
    sentAs: 'private-token-header',
    revoke:
      where === 'gitlab.com'
        ? {
            label: 'Avatar → Edit profile → Access tokens → Revoke',
            url: 'https://gitlab.com/-/user_settings/personal_access_tokens',
          }
        : {
            label:
              'Avatar → Edit profile → Access tokens → Revoke (on your GitLab instance, at /-/user_settings/personal_access_tokens); administrators: Admin → Credentials',
          },
    create:
      where === 'gitlab.com'
        ? {
            label: 'Avatar → Edit profile → Access tokens → Add new token',
            url: 'https://gitlab.com/-/user_settings/personal_access_tokens',
          }
        : { label: 'Avatar → Edit profile → Access tokens → Add new token (on your GitLab instance)' },
    authRequiredAction:
      'Create a personal access token with the api scope (Edit profile → Access tokens) as a member with at least the Reporter role in the target project, and paste it here.',
    tokenHints: [tokenHint],
  };
  // GitLab.com: OAuth works on every tier; on an instance the customer can mint a
  // project token on any tier, which is narrower than a user-wide grant.
  return where === 'gitlab.com'
    ? [{ ...oauth, recommended: true }, projectToken, groupToken, pat]
    : [{ ...projectToken, recommended: true }, groupToken, oauth, pat];
}

// Both /version and /metadata want a token on current GitLab. /metadata is the one
// GitLab recommends (15.2+), and its 401 body already tells GitLab apart before
// any credential exists, which is when the ownership probe runs.
const GITLAB_IDENTITY = {
  identityPath: '/metadata',
  identityHint:
    'Without credentials GitLab answers 401 with the JSON body {"message":"401 Unauthorized"}; with a token, JSON carrying version, revision and enterprise.',
} as const;

const gitlabCom: EditionDetail = {
  tenant: {
    name: 'group_path',
    label: 'Group path',
    placeholder: 'your-group/your-subgroup',
    help: 'The path of the group that holds the project, with subgroups separated by /.',
    pattern:
      /^(?:https:\/\/gitlab\.com\/)?(?!.*\.(?:git|atom)(?:\/|$))[A-Za-z0-9]+(?:[_.-][A-Za-z0-9]+)*(?:\/[A-Za-z0-9]+(?:[_.-][A-Za-z0-9]+)*){0,20}$/,
    tenantUrl: (value) => `https://gitlab.com/${value.replace(/^https:\/\/gitlab\.com\//, '')}`,
  },
  cloudApiRoot: 'https://gitlab.com/api/v4',
  authMethods: gitlabMethods('gitlab.com'),
  limitations: [],
  versionNotes: [
    { id: 'access-tokens-premium', text: 'Project and group access tokens need Premium or Ultimate on GitLab.com.' },
    { id: 'pat-expiry', text: 'Personal access tokens must expire: at most 365 days unless an administrator changes the limit.' },
    { id: 'no-fine-grained', text: 'Fine-grained personal access tokens are not offered yet.' },
  ],
};

const gitlabDedicated: EditionDetail = {
  baseUrl: {
    keepsContextPath: false,
    apiRoot: '/api/v4',
    ...GITLAB_IDENTITY,
    placeholder: 'https://your-tenant.gitlab-dedicated.com',
    help: 'The address your users open: https://<tenant>.gitlab-dedicated.com, or your own domain if one is active.',
  },
  authMethods: gitlabMethods('instance'),
  limitations: [],
  versionNotes: [{ id: 'access-tokens-dedicated', text: 'Project and group access tokens are available on every Dedicated licence.' }],
};

const gitlabSelfManaged: EditionDetail = {
  baseUrl: {
    keepsContextPath: true,
    apiRoot: '/api/v4',
    ...GITLAB_IDENTITY,
    placeholder: 'https://gitlab.example.com',
    help: 'Your GitLab address, including a relative URL root such as /gitlab if the instance uses one.',
  },
  authMethods: gitlabMethods('instance'),
  limitations: [],
  versionNotes: [
    { id: 'token-prefix', text: 'Administrators can change the glpat- token prefix, so a different prefix only warns.' },
    { id: 'planner-role', text: 'The Planner role exists from GitLab 17.7; older releases need Reporter to update issues.' },
    { id: 'pat-disable', text: 'On Premium and above an administrator can turn personal access tokens off.' },
  ],
};

const detail: ProviderDetail = {
  editions: {
    'gitlab-com': gitlabCom,
    'gitlab-dedicated': gitlabDedicated,
    'gitlab-self-managed': gitlabSelfManaged,
  },
  docs: {
    'personal-access-tokens': {
      label: 'GitLab Docs: Personal access tokens',
      url: 'https://docs.gitlab.com/user/profile/personal_access_tokens/',
    },
    'project-access-tokens': {
      label: 'GitLab Docs: Project access tokens',
      url: 'https://docs.gitlab.com/user/project/settings/project_access_tokens/',
    },
  },
};

export default detail;
