/** Webhook endpoint: the detail of each edition and the documentation links; names, editions and modes are in ../summary.ts. */
import type { BaseUrlSpec, EditionDetail, ProviderDetail } from '../types.js';

const webhookBaseUrl: BaseUrlSpec = {
  keepsContextPath: true,
  apiRoot: '',
  // A customer endpoint has no identity to probe: ownership rests on the
  // customer's confirmation and on a signed test event answered with 2xx.
  identityPath: '',
  identityHint: 'No identity endpoint: a signed test event must be answered with a 2xx status.',
  placeholder: 'https://hooks.example.com/tickets',
  help: 'The HTTPS endpoint that receives one POST per ticket event. Private, loopback and link-local addresses are refused and redirects are not followed.',
};

const webhookEdition: EditionDetail = {
  baseUrl: webhookBaseUrl,
  authMethods: [
    {
      id: 'signing_secret',
      kind: 'signing-secret',
      label: 'Signing secret (HMAC-SHA256)',
      tokenType: 'webhook_hmac_secret',
      scopes: [],
      grants:
        'Lets your endpoint check that each delivery came from this product unchanged. It opens no access to anything.',
      sentAs: 'signature-header',
      revoke: {
        label:
          'In this product: rotate the signing secret (old and new secrets both sign for a grace period) or delete the target',
      },
      authRequiredAction:
        'Store the signing secret in your endpoint and verify the webhook-signature header of every delivery (X-Hub-Signature-256 if you chose GitHub-style signing).',
      // No shape hint: the secret's strength is a rule (signing-secret.ts), checked before Save and again by the backend.
      recommended: true,
    },
  ],
  limitations: [],
  versionNotes: [],
};

const detail: ProviderDetail = {
  editions: {
    webhook: webhookEdition,
  },
  docs: {
    'standard-webhooks': { label: 'Standard Webhooks specification', url: 'https://www.standardwebhooks.com/' },
    'github-signature': {
      label: 'GitHub Docs: Validating webhook deliveries',
      url: 'https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries',
    },
  },
  webhookSigning: [
    {
      id: 'standard-webhooks',
      label: 'Standard Webhooks v1 (HMAC-SHA256)',
      headers: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
      isDefault: true,
      notes:
        'Signs "<webhook-id>.<webhook-timestamp>.<raw body>" with the base64-decoded part of the whsec_ secret and sends v1,<base64 signature>. Receivers compare in constant time, reject timestamps outside a tolerance window and use webhook-id to drop repeats.',
    },
    {
      id: 'github-hmac-sha256',
      label: 'GitHub-style X-Hub-Signature-256',
      headers: ['X-Hub-Signature-256', 'X-GitHub-Event', 'X-GitHub-Delivery'],
      isDefault: false,
      notes:
        'Sends sha256=<hex HMAC-SHA256 of the raw body> for receivers that already verify GitHub webhooks. No timestamp is signed, so receivers must drop repeated delivery ids. The SHA-1 X-Hub-Signature header is never sent.',
    },
  ],
};

export default detail;
