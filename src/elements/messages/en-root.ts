/**
 * English strings of the root `<provider-target-setup>` element. Kept in their
 * own sections so the root element's words can grow without touching the
 * sub-elements' sections. Keys start with `root.`; `{name}` marks a parameter.
 */

/** The root's words on the integration status, which renders before the later steps load. */
export const rootMessages = {
  'root.title': 'Connect a ticket export target',
  'root.cancel': 'Cancel',
  'root.copySupport': 'Copy support details',
  'root.copiedSupport': 'Support details copied.',
  'root.copyFailed': 'Copying did not work. Select the details below and copy them by hand.',
  'root.noBackend': 'No backend is configured: set the endpoint attribute or the backend property.',
  'root.openingTarget': 'Opening the target…',
  'root.statusLoading': 'Loading your saved targets and network details…',
} as const;
