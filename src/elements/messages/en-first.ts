import type { ErrorCode } from '../../core/contract/errors.js';
import type { DeploymentMode } from '../../core/providers/types.js';
import { rootMessages } from './en-root.js';

/**
 * The English words the first screen needs: the integration status, the step
 * path, the root's frame and every error. They ship with the element; the
 * later steps' words (`en-steps.ts`) arrive with the later steps.
 */
const common = {
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.cancel': 'Cancel',
  'common.newTab': '(opens in a new tab)',
  'common.recommended': 'Recommended',
  'common.or': 'or',
} as const;

const modes = {
  'mode.cloud': 'Cloud',
  'mode.self-hosted': 'Self-hosted',
  'mode.webhook': 'Webhook',
} as const satisfies Record<`mode.${DeploymentMode}`, string>;

const steps = {
  'steps.label': 'Setup progress',
  'steps.status': 'Integration status',
  'steps.deployment': 'Deployment mode',
  'steps.network': 'Auth and network check',
  'steps.provider-setup': 'Provider-specific setup',
  'steps.target': 'Ticket export target',
  'steps.position': 'Step {index} of {total}',
  // The compact step path's button below about 480 px: position and the current step's name.
  'steps.compact': 'Step {index} of {total} · {name}',
  // Read after each step's name by screen readers.
  'steps.state.complete': '(completed)',
  'steps.state.current': '(current step)',
  'steps.state.upcoming': '(not started)',
  'steps.state.blocked': '(blocked)',
  'steps.state.skipped': '(skipped)',
} as const;

const status = {
  'status.heading': 'Ticket export targets',
  'status.intro': 'Connect the trackers where scan findings become tickets.',
  'status.empty': 'No targets yet. Pick a provider below to add your first one.',
  'status.noProviders': 'No providers are available.',
  'status.loading': 'Loading your targets…',
  'status.loadFailed': 'Your targets could not be loaded.',
  'status.stillAdd': 'You can still add a target below.',
  'status.notLoaded': 'Your saved targets are not loaded, so none are listed here. You can still add one.',
  'status.providers': 'Providers',
  'status.setup': 'Setup:',
  'status.state.not_connected': 'Not connected',
  'status.state.connected': 'Connected',
  'status.state.auth_required': 'Auth required',
  'status.state.blocked': 'Blocked',
  'status.state.revoked': 'Revoked',
  'status.add': 'Add',
  'status.addLabel': 'Add a target for {provider}',
  'status.reconnect': 'Reconnect',
  'status.reconnectLabel': 'Reconnect {target}',
  'status.revoke': 'Revoke',
  'status.revokeLabel': 'Revoke {target}',
  'status.updated': 'Updated {date}',
  // Plural messages: a form per `Intl.PluralRules` category, `other` always; a language adds the forms it needs.
  'status.summary': '{connected}, {attention}',
  'status.connected.one': '{count} connected',
  'status.connected.other': '{count} connected',
  'status.attention.one': '{count} needs attention',
  'status.attention.other': '{count} need attention',
  'status.saved.one': '{count} saved',
  'status.saved.other': '{count} saved',
  'status.omitted': 'Saved targets not shown because the service sent them incomplete: {count}.',
} as const;

const errors = {
  'error.PROVIDER_AUTH_REQUIRED': 'The provider needs you to authorise access before anything is saved.',
  'error.PROVIDER_BASE_URL_BLOCKED': 'The URL failed a safety check. No credential was sent to it.',
  'error.ALLOWLIST_STATUS_MISSING': 'Choose how the backend reaches your server.',
  'error.OWNERSHIP_UNCONFIRMED': 'Confirm that your organisation owns the server and allows scans and exports.',
  'error.PROVIDER_LIMITATION': 'This provider edition cannot receive tickets.',
  'error.URL_CHECK_REQUIRED': 'Run the URL checks again before saving.',
  'error.VALIDATION_FAILED': 'Some details are not valid. Check the highlighted field.',
  'error.PAYLOAD_TOO_LARGE': 'The request was too large.',
  'error.UNSUPPORTED_MEDIA_TYPE': 'The backend refused the request format.',
  'error.SESSION_EXPIRED': 'Your session expired. Sign in again and retry.',
  'error.RATE_LIMITED': 'Too many attempts. Wait a moment and try again.',
  'error.BACKEND_UNAVAILABLE': 'The service is unavailable right now. Try again shortly.',
  'error.NETWORK_UNREACHABLE':
    'The backend could not reach the server. Check the firewall, VPN or DNS; the credential was not the problem.',
  'error.PROVIDER_UNAVAILABLE': 'The provider answered with a server error. Nothing is wrong with the connection or the credential; try again in a few minutes.',
  'error.CREDENTIALS_REJECTED': 'The provider refused this credential. Check it and its permissions.',
  'error.TARGET_NOT_FOUND': 'This target no longer exists.',
  'error.TARGET_EXISTS': 'A target for this provider and address already exists. Open it or reconnect it instead.',
  'error.TARGET_LIMIT_REACHED': 'No more targets can be added here. Reconnect an existing one, or ask an administrator to raise the limit.',
  'error.DESTINATION_NOT_WRITABLE': 'The credential works, but it cannot create tickets in this destination. Choose another one or widen its permission at the provider.',
  'error.MALFORMED_RESPONSE': 'The service sent an answer we could not read.',
  'error.REQUEST_TIMEOUT': 'The service took too long to answer. Try again.',
  'error.REQUEST_ABORTED': 'The request was cancelled.',
  'error.AUTH_POPUP_BLOCKED': 'The browser blocked the sign-in window. Allow pop-ups for this page and try again.',
  'error.AUTH_CANCELLED': 'The sign-in window was closed before access was granted.',
} as const satisfies Record<`error.${ErrorCode}`, string>;

export const FIRST_SECTIONS = [common, modes, steps, status, errors, rootMessages] as const;

export const firstEnglish = {
  ...common,
  ...modes,
  ...steps,
  ...status,
  ...errors,
  ...rootMessages,
} as const;
