/**
 * English strings of the root `<provider-target-setup>` element. Kept in their
 * own section so the root element's words can grow without touching the
 * sub-elements' sections. Keys start with `root.`; `{name}` marks a parameter.
 */
export const rootMessages = {
  'root.title': 'Connect a ticket export target',
  'root.back': 'Back',
  'root.continue': 'Continue',
  'root.save': 'Save target',
  'root.saving': 'Saving…',
  'root.saved': '{target} is saved and ready for ticket export.',
  'root.cancel': 'Cancel',
  'root.copySupport': 'Copy support details',
  'root.copiedSupport': 'Support details copied.',
  // ---- the root element's own steps and notices ----
  'root.copyFailed': 'Copying did not work. Select the details below and copy them by hand.',
  'root.noBackend': 'No backend is configured: set the endpoint attribute or the backend property.',
  'root.openingTarget': 'Opening the target…',
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
  'root.statusLoading': 'Loading your saved targets and network details…',
  'root.revokeVetoed': 'Disconnecting is not allowed on this page right now. Nothing was changed.',
  'root.saveRefused': 'The target was not saved.',
  'root.saveAbsent':
    'The service did not confirm the save, and the target is not in your list. Save again to retry: this attempt can never create a second target.',
  'root.saveUnknown':
    'The service did not confirm the save, and your list could not be checked, so we cannot tell whether the target was saved. Look at your targets before anything else; saving again from here never creates a second one.',
  'root.exists.open': 'Open the saved target',
  'root.exists.reconnect': 'Reconnect the saved target',
} as const;
