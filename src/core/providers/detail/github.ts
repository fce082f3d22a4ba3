/** GitHub: the detail of each edition and the documentation links; names, editions and modes are in ../summary.ts. */
import type { AuthMethod, EditionDetail, ProviderDetail, VersionNote } from '../types.js';
import { LABEL, stripScheme } from './shared.js';

const GITHUB_ISSUES = 'Issues: Read and write';

/** GitHub.com and GHE.com only: GitHub Enterprise Server keeps the 40-character tokens. */
const INSTALLATION_TOKEN_FORMAT: VersionNote = {
  id: 'installation-token-format',
  text: 'GitHub App installation tokens in a longer stateless format (about 520 characters) are rolling out from 2026-04-27.',
};

/** GitHub's three editions share their methods; only where revoking happens differs. */
function githubMethods(where: 'github.com' | 'instance'): AuthMethod[] {
  const onInstance = where === 'instance' ? ' (on your instance)' : '';
  return [
    {
      id: 'github_app',
      kind: 'app-install',
      label: 'GitHub App installation',
      tokenType: 'github_app_installation',
      scopes: [GITHUB_ISSUES, 'Metadata: Read'],
      grants:
        'Issues read and write, plus read-only metadata, on the repositories chosen at install time only. The product mints one-hour tokens itself; nobody types a secret.',
      sentAs: 'bearer',
      revoke: {
        label: `Organisation Settings → Third-party Access → GitHub Apps → Configure → Uninstall; personal accounts: Settings → Integrations → Applications → Installed GitHub Apps${onInstance}`,
      },
      authRequiredAction:
        'Install the GitHub App on the organisation that owns the repository, granting Issues: Read and write.',
      recommended: true,
    },
    {
      id: 'fine_grained_pat',
      kind: 'token',
      label: 'Fine-grained personal access token',
      tokenType: 'github_fine_grained_pat',
      scopes: [GITHUB_ISSUES],
      grants:
        'Issues read and write on the repositories you select, for one resource owner, until the expiry you set. If the organisation requires approval, the token can only read public data until an owner approves it.',
      sentAs: 'bearer',
      revoke:
        where === 'github.com'
          ? {
              label:
                'Settings → Developer settings → Personal access tokens → Fine-grained tokens → Delete; organisation owners: organisation Settings → Personal access tokens',
              url: 'https://github.com/settings/personal-access-tokens',
            }
          : {
              label:
                'Settings → Developer settings → Personal access tokens → Fine-grained tokens → Delete (on your instance); organisation owners: organisation Settings → Personal access tokens',
            },
      create:
        where === 'github.com'
          ? {
              label: 'Settings → Developer settings → Personal access tokens → Fine-grained tokens → Generate new token',
              url: 'https://github.com/settings/personal-access-tokens',
            }
          : {
              label:
                'Settings → Developer settings → Personal access tokens → Fine-grained tokens → Generate new token (on your instance)',
            },
      authRequiredAction:
        'Create a fine-grained personal access token owned by the organisation that owns the repository, select that repository, grant Issues: Read and write, and paste it here; if your organisation requires approval, ask an owner to approve it.',
      tokenHints: [
        {
          id: 'prefix',
          pattern: /^github_pat_[A-Za-z0-9_]{22,}$/,
          warning:
            'This does not look like a fine-grained token (those start with github_pat_). Classic tokens (ghp_) reach far more than issues; create a fine-grained one instead.',
        },
      ],
    },
  ];
}

const githubCom: EditionDetail = {
  tenant: {
    name: 'organization',
    label: 'Organisation or account',
    placeholder: 'your-org',
    help: 'The login of the organisation (or personal account) that owns the repository.',
    pattern: /^(?:https:\/\/github\.com\/)?[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i,
    tenantUrl: (value) => `https://github.com/${value.replace(/^https:\/\/github\.com\//i, '')}`,
  },
  cloudApiRoot: 'https://api.github.com',
  authMethods: githubMethods('github.com'),
  limitations: [],
  versionNotes: [INSTALLATION_TOKEN_FORMAT],
};

const gheCom: EditionDetail = {
  tenant: {
    name: 'subdomain',
    label: 'Enterprise subdomain',
    placeholder: 'your-enterprise.ghe.com',
    help: 'The subdomain your enterprise chose at onboarding, alone or as https://<subdomain>.ghe.com.',
    pattern: new RegExp(`^(?:(?:https://)?${LABEL}\\.ghe\\.com|${LABEL})$`, 'i'),
    tenantUrl: (value) => {
      const host = stripScheme(value).toLowerCase();
      return `https://${host.endsWith('.ghe.com') ? host : `${host}.ghe.com`}`;
    },
  },
  cloudApiRoot: 'https://api.{host}',
  authMethods: githubMethods('instance'),
  limitations: [],
  versionNotes: [
    { id: 'api-host', text: 'GHE.com has no /api/v3 path: the REST API lives at https://api.<subdomain>.ghe.com and GraphQL at https://api.<subdomain>.ghe.com/graphql.' },
    INSTALLATION_TOKEN_FORMAT,
  ],
};

const ghes: EditionDetail = {
  baseUrl: {
    keepsContextPath: false,
    apiRoot: '/api/v3',
    identityPath: '/meta',
    identityHint:
      'An X-GitHub-Enterprise-Version response header (sent even when the API asks for sign-in), or installed_version in the JSON body.',
    placeholder: 'https://github.example.com',
    help: 'The host name of your GitHub Enterprise Server. GHES has no context path, so anything after the host is dropped.',
  },
  authMethods: githubMethods('instance'),
  limitations: [],
  versionNotes: [
    { id: 'app-per-instance', text: 'Register the GitHub App on this GHES instance: apps from github.com cannot reach it.' },
    { id: 'fine-grained-beta', text: 'Older GHES releases offered fine-grained personal access tokens only as a beta an enterprise had to turn on: check your version.' },
    { id: 'supported-releases', text: 'GitHub supports the four newest GHES feature releases.' },
  ],
};

const detail: ProviderDetail = {
  editions: {
    'github-com': githubCom,
    'ghe-com': gheCom,
    'ghes': ghes,
  },
  docs: {
    'installed-apps': {
      label: 'GitHub Docs: Reviewing and modifying installed GitHub Apps',
      url: 'https://docs.github.com/en/apps/using-github-apps/reviewing-and-modifying-installed-github-apps',
    },
    'personal-access-tokens': {
      label: 'GitHub Docs: Managing your personal access tokens',
      url: 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
    },
  },
};

export default detail;
