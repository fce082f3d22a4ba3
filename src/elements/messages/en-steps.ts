import { firstEnglish } from './en-first.js';

/** The English words of the later steps, loaded with them. */
const deployment = {
  'deploy.legend': 'Where does your {provider} run?',
  'deploy.next': 'What comes next:',
  // Catalog labels are field names ("Workspace URL key"), so they are quoted, never lower-cased.
  'deploy.next.cloud': 'Enter and confirm your “{tenant}”, then connect with {method}.',
  'deploy.next.cloudNoTenant': 'Connect with {method}.',
  'deploy.next.self-hosted':
    'Confirm you own the server, enter its base URL and let the backend check it. Credentials come last.',
  'deploy.next.webhook':
    'Confirm you own the endpoint, enter its URL and let the backend check it. Deliveries are signed.',
  'deploy.limit.blocks': 'Not available:',
  'deploy.limit.warns': 'Note:',
  'deploy.limit.alternative': 'Use {edition} instead',
  'deploy.versionNotes': 'Version notes',
  'deploy.empty': 'Choose a provider first.',
} as const;

const tenant = {
  // {tenant} is the field's label ("Organisation or account"): quoted as a field name.
  'tenant.confirm': 'What I entered as “{tenant}” belongs to my organisation.',
  'tenant.required': 'Fill in “{tenant}”.',
  'tenant.invalid': 'This does not look like a valid “{tenant}”.',
  'tenant.unconfirmed': 'Confirm that it belongs to your organisation.',
  'tenant.preview': 'Tickets go to {url}',
} as const;

const network = {
  'network.legend': 'Before you enter a URL',
  'network.ownership': 'My organisation owns or operates this {provider} server.',
  'network.ownership.webhook': 'My organisation owns or operates this endpoint.',
  'network.authorisation': 'I am authorised to allow scans of it and ticket exports to it.',
  'network.confirmFirst': 'Confirm both statements to enter the URL.',
  'network.field.base': 'Base URL',
  'network.field.webhook': 'Endpoint URL',
  'network.static.ok': 'Looks right. The backend checks it next.',
  'network.static.invalid': 'Enter a full address such as {example}.',
  'network.static.scheme': 'Use an https:// address.',
  'network.static.userinfo': 'Remove the user name and password from the address.',
  'network.static.ambiguous': 'Remove {character} from the host part: tools disagree on which server such an address names.',
  'network.static.port': 'This port is not allowed.',
  'network.static.private': '{address} is a private, loopback or link-local address. Use a public one.',
  'network.static.reserved': '{address} is a reserved address and cannot be used.',
  'network.static.local': 'Local addresses such as {address} cannot be used.',
  'network.static.other': 'This address cannot be used.',
  'network.required': 'Enter the URL first.',
  'network.exampleUrl': 'https://tracker.example.com',
  'network.run': 'Run checks',
  'network.running': 'Checking…',
  'network.results': 'Server checks',
  'network.check.scheme': 'Secure scheme',
  'network.check.private_network': 'Not a private network',
  'network.check.reserved_ip': 'No reserved address',
  'network.check.redirect': 'Redirects stay safe',
  'network.check.dns_rebinding': 'DNS answers stay put',
  'network.check.ownership': 'Answers as {provider}',
  'network.check.ownership.webhook': 'Receiver identity',
  'network.outcome.passed': 'Passed',
  'network.outcome.failed': 'Failed',
  'network.outcome.skipped': 'Skipped',
  'network.outcome.pending': 'Checking',
  'network.offender.address': 'Offending address:',
  'network.offender.host': 'Offending host name:',
  'network.offender.hop': 'Offending redirect hop:',
  'network.offender.endpoint': 'Identity endpoint:',
  'network.offender.url': 'Offending URL:',
  'network.offender.value': 'Offending value:',
  'network.why.label': 'Why we ask',
  'network.why':
    'The backend will connect to this server, send it the credential you enter and export tickets to it. Your confirmation keeps the product from being pointed at a server your organisation does not run or may not scan.',
  'network.why.webhook':
    'The backend will send ticket events to this endpoint. Your confirmation keeps findings from being delivered to an endpoint your organisation does not run.',
  'network.help.label': 'What the checks mean',
  'network.help.intro': 'Before any credential is sent, the backend checks the URL itself:',
  'network.help.scheme': 'Only https, with no user name or password in the URL.',
  'network.help.private_network':
    'Every address the host name resolves to must be public. Private, loopback and link-local addresses would point the backend into a private network.',
  'network.help.reserved_ip':
    'Documentation, benchmarking, multicast and other special-purpose ranges are refused, including IPv4 addresses hidden inside IPv6 ones.',
  'network.help.redirect': 'Each redirect is followed one hop at a time and its target checked the same way, up to a small limit.',
  'network.help.dns_rebinding':
    'The backend connects to the very address it checked, so a second DNS answer cannot swap in an internal one (DNS rebinding).',
  'network.help.ownership': 'The server’s identity endpoint must answer as {provider}, so the URL really leads to that product.',
  'network.help.ownership.webhook':
    'Webhook endpoints have no identity endpoint to ask. A signed test event, answered with a 2xx status, proves the receiver instead.',
  'network.passed': 'All checks passed for {url}.',
  'network.blocked.title': 'This URL is blocked',
  'network.blocked.body': 'No credential will be sent to it. Failed: {checks}.',
  'network.blocked.export': 'Use portable export',
  'network.blocked.cloud': 'Choose a cloud target',
  'network.blocked.edit': 'Edit URL',
} as const;

const allowlist = {
  'allowlist.legend': 'How does the backend reach your server?',
  'allowlist.direct': 'Direct',
  'allowlist.direct.help': 'The server accepts connections from the internet.',
  'allowlist.tunnel': 'Customer-approved tunnel',
  'allowlist.tunnel.help': 'A tunnel you approved forwards the backend’s requests to the server.',
  'allowlist.allowlist': 'Firewall or VPN allowlist',
  'allowlist.allowlist.help': 'Your firewall or VPN admits the backend’s egress addresses.',
  'allowlist.unreachable': 'Not reachable',
  'allowlist.unreachable.help':
    'The server cannot be reached from outside. No live target can be saved; portable export still works.',
  'allowlist.egress': 'Allow these egress addresses',
  'allowlist.egressNone': 'The backend reported no egress addresses. Ask your administrator for them.',
  'allowlist.copy': 'Copy',
  'allowlist.copyLabel': 'Copy {address}',
  'allowlist.copyAll': 'Copy all',
  'allowlist.copied': 'Copied {text}',
  'allowlist.copiedShort': 'Copied',
  'allowlist.copiedAll': 'Copied all addresses',
  'allowlist.copyFailed': 'Could not copy. Select the address and copy it by hand.',
  'allowlist.missing': 'Choose how the backend reaches your server.',
  'allowlist.help.label': 'What tunnel and allowlist mean',
  'allowlist.help.tunnel':
    'A connection you run and approved, such as a reverse proxy or a zero-trust connector, carries the backend’s requests into your network. The server itself stays closed to the internet.',
  'allowlist.help.allowlist':
    'A firewall or VPN rule admits only the source addresses on its list. Add the backend’s egress addresses, shown when you choose this option; everyone else stays out.',
} as const;

const auth = {
  'auth.legend': 'How should the product connect to {provider}?',
  'auth.tokenType': 'Token type',
  'auth.scopes': 'Least permissions',
  'auth.grants': 'What it allows',
  'auth.revokeLater': 'Revoke it later:',
  'auth.createAt': 'Create it:',
  // {field} is a catalog label ("Personal access token"): quoted as a field name.
  'auth.fieldInvalid': 'Enter a valid “{field}”.',
  'auth.warn.edges': 'It starts or ends with spaces or line breaks. They are not part of the credential.',
  'auth.warn.scheme': 'Paste only the credential, without a scheme such as "Bearer".',
  'auth.warn.spaces': 'It contains spaces or line breaks. Check that you copied only the credential.',
  'auth.warn.long': 'This is much longer than any credential this provider issues.',
  'auth.signing.legend': 'How deliveries are signed',
  'auth.signing.headers': 'Headers: {headers}',
  'auth.connect': 'Connect with {provider}',
  'auth.connecting': 'Waiting for {provider}…',
  'auth.connected': 'Connected with {provider}.',
  'auth.connectHelp': 'A {provider} window opens. The token stays with the backend and never reaches this page.',
  'auth.show': 'Show',
  'auth.hide': 'Hide',
  'auth.showLabel': 'Show {field}',
  'auth.hideLabel': 'Hide {field}',
  'auth.secretNote': 'Sent once when you save, never shown again.',
  'auth.locked': 'The credential field appears once the steps above are complete.',
  'auth.empty': 'Fill in “{field}”.',
  'auth.required.title': '{provider} needs your action',
  'auth.required.open': 'Open {label}',
} as const;

const readiness = {
  'ready.heading': 'Before you save',
  'ready.summary': '{ready} of {total} ready',
  'ready.status.ready': 'Ready',
  'ready.status.not-ready': 'Not ready',
  'ready.status.not-applicable': 'Not applicable',
  'ready.cloud-target': 'Cloud target',
  'ready.self-hosted-target': 'Self-hosted target',
  'ready.allowlist': 'Allowlist',
  'ready.credential-boundary': 'Credential boundary',
  'ready.fallback': 'Fallback',
  'ready.cloud-target.ready': 'The tenant you own is confirmed.',
  'ready.cloud-target.not-ready': 'Confirm the tenant your organisation owns.',
  'ready.cloud-target.not-applicable': 'This target does not run in the vendor’s cloud.',
  'ready.self-hosted-target.ready': 'The URL passed every server check.',
  'ready.self-hosted-target.not-ready': 'The URL has not passed the server checks yet.',
  'ready.self-hosted-target.not-applicable': 'Cloud targets need no base URL.',
  'ready.allowlist.ready': 'The network path is recorded.',
  'ready.allowlist.not-ready': 'Choose how the backend reaches the server.',
  'ready.allowlist.not-applicable': 'Only self-hosted targets need a network path.',
  'ready.credential-boundary.ready': 'The least grant is chosen and can be revoked at the provider.',
  'ready.credential-boundary.not-ready': 'Choose how to connect.',
  'ready.credential-boundary.not-applicable': 'No credential is stored for this target.',
  'ready.fallback.ready': 'Portable export is available if the connection stops working.',
  'ready.fallback.not-ready': 'Portable export is not available for this account.',
  'ready.fallback.not-applicable': 'No fallback is needed.',
  'ready.revokeWhere': 'Revoke it later:',
  'ready.reason.mode-not-chosen': 'Choose a deployment mode first.',
  'ready.reason.provider-limitation': 'This edition cannot be connected: see the provider limitation.',
  'ready.reason.tenant-not-confirmed': 'Confirm the site or organisation your organisation owns.',
  'ready.reason.ownership-not-confirmed': 'Confirm that your organisation owns the server and may export to it.',
  'ready.reason.url-not-checked': 'Run the server checks on the base URL.',
  'ready.reason.url-check-pending': 'The server checks are running.',
  'ready.reason.url-blocked': 'The server checks blocked this URL.',
  'ready.reason.allowlist-unreachable': 'The backend cannot reach the server yet.',
  'ready.reason.credential-missing': 'Enter the credential for the method you chose.',
  'ready.reason.authorization-missing': 'Connect to approve access at the provider.',
  'ready.reason.authorization-pending': 'Waiting for you to approve access in the provider’s window.',
  'ready.reason.auth-required': 'The provider asks you to authorise again.',
  'ready.reason.credentials-revoked': 'No credential is stored any more.',
  'ready.reason.status-not-loaded': 'Known once your targets have loaded.',
} as const;

const revoke = {
  'revoke.step1': 'Revoke at {provider}',
  'revoke.step1.body': 'Remove the grant at {provider} first, so no live credential is left behind.',
  'revoke.noLink': 'Find it among the connected apps and tokens in your {provider} settings.',
  'revoke.ack': 'I revoked it at {provider}',
  'revoke.step2': 'Disconnect here',
  'revoke.step2.body': 'The stored credentials are deleted. The target and its history stay for your records.',
  'revoke.confirm': 'Disconnect {target}',
  'revoke.busy': 'Disconnecting…',
  'revoke.needAck': 'Confirm that you revoked the grant at {provider} first.',
  'revoke.done': '{target} is disconnected.',
} as const;

const fallback = {
  'fallback.title': 'Portable export',
  'fallback.body':
    'Download findings as files and import them into your tracker yourself. Nothing connects to your server and no credential is stored.',
  'fallback.formats': 'Format',
  'fallback.choose': 'Use portable export',
  'fallback.chosen': 'Portable export is selected.',
  'fallback.learnMore': 'How portable export works',
  'fallback.unavailable':
    'Portable export is not available: this backend does not offer it for your account, so findings cannot be downloaded as files here.',
  'fallback.reason.blocked': 'A live connection is not possible because the URL is blocked.',
  'fallback.reason.unreachable': 'A live connection is not possible because the server is not reachable.',
  'fallback.chosenAs': 'Portable export is selected, as {format}.',
  'fallback.open': 'Open portable export',
  'fallback.next.url': 'Next: get the files there and import them into your tracker.',
  'fallback.next': 'Next: the findings are offered as files to download; import them into your tracker yourself.',
} as const;

const hint = {
  'hint.label': 'More information',
} as const;

const rootStepMessages = {
  'root.back': 'Back',
  'root.continue': 'Continue',
  'root.save': 'Save target',
  'root.saving': 'Saving…',
  'root.saved': '{target} is saved and ready for ticket export.',
  'root.backToTargets': 'Back to targets',
  'root.chooseMode': 'Choose a deployment mode to continue.',
  'root.limitation.title': '{edition} cannot receive tickets',
  'root.authRequired.continue': 'Continue',
  'root.authRequired.locked': 'Take the action above, then continue to connect again.',
  'root.retypeCredential': 'For your safety the credential was not kept after the failed attempt. Enter it again to retry.',
  'root.authorizeFirst': 'Connect with the provider first, then save.',
  'root.target.mode': 'Setup',
  'root.target.address': 'Address',
  'root.target.network': 'Network path',
  'root.target.auth': 'Connected with',
  'root.target.updated': 'Last change',
  'root.target.history': 'History',
  'root.history.created': 'Created',
  'root.history.connected': 'Connected',
  'root.history.auth_required': 'Authorisation required',
  'root.history.blocked': 'Blocked',
  'root.history.reconnected': 'Reconnected',
  'root.history.revoked': 'Revoked',
  'root.target.revoke': 'Revoke it at',
  'root.reconnecting': 'Reconnecting {target}',
  'root.target.authRevoked': 'Was connected with',
  'root.authDenied': 'Access was not granted at {provider}. Connect again and allow access to go on.',
  'root.revokeVetoed': 'Disconnecting is not allowed on this page right now. Nothing was changed.',
  'root.saveRefused': 'The target was not saved.',
  'root.saveAbsent':
    'The service did not confirm the save, and the target is not in your list. Save again to retry: this attempt can never create a second target.',
  'root.saveUnknown':
    'The service did not confirm the save, and your list could not be checked, so we cannot tell whether the target was saved. Look at your targets before anything else; saving again from here never creates a second one.',
  'root.exists.open': 'Open the saved target',
  'root.exists.reconnect': 'Reconnect the saved target',
} as const;

export const STEP_SECTIONS = [deployment, tenant, network, allowlist, auth, readiness, revoke, fallback, hint, rootStepMessages] as const;

export const stepEnglish = {
  ...deployment,
  ...tenant,
  ...network,
  ...allowlist,
  ...auth,
  ...readiness,
  ...revoke,
  ...fallback,
  ...hint,
  ...rootStepMessages,
} as const;

/** Every English word: what the later steps' elements look up. */
export const laterEnglish = { ...firstEnglish, ...stepEnglish } as const;
