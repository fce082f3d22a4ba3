/**
 * `POST /targets`: save a target, or reconnect one (`target_id`).
 *
 * Everything that must be decided once across backend instances (the
 * idempotency key, the check admitting one save, the grant backing one target,
 * one target per provider, edition and URL or tenant, the cap) is decided by
 * the store in the one `createTarget` / `reconnectTarget` call at the end.
 * What comes before it only reads and validates, so a second instance can
 * never slip between a decision and its write.
 *
 * Idempotency: a save with an `Idempotency-Key` that answered before with the
 * same request gets that first answer again (its status and record), for 24
 * hours by default, also when the target has changed since; a concurrent
 * duplicate waits for the first in the store and is answered the same way.
 * The same key with a different request is refused with VALIDATION_FAILED
 * (field `Idempotency-Key`). A refused save stores no answer, so a retry with
 * its key runs again. The request is fingerprinted without its credential,
 * so nothing derived from a secret is kept, and a retry that differs only in
 * the credential counts as the same request.
 */
import {
  IDEMPOTENCY_KEY_HEADER,
  SaveTargetRequestSchema,
  type HistoryEntry,
  type SaveTargetRequest,
  type TargetRecord,
} from '../../core/contract/index.js';
import { blockingLimitation, findAuthMethod, isCredentialKind, signingSecretProblem, type SigningSecretProblem } from '../../core/providers/index.js';
import type { AuthMethod, Edition, Provider } from '../../core/providers/types.js';
import {
  authRequired,
  checkExtraFields,
  checkTenant,
  defaultSigning,
  limitationProblem,
  lookupEdition,
  OWNERSHIP_MESSAGE,
  refuseBlockingLimitation,
  requireMode,
  targetKey,
} from '../catalog.js';
import { requirePassedCheck, type BackendContext, type Route } from '../context.js';
import { checkedJsonResponse, parseBody, ProblemResponse, readJson } from '../http.js';
import type { VerifyCredentialResult } from '../options.js';
import { fingerprint, randomUuid } from '../random.js';
import { redact, redactError } from '../redact.js';
import type { IdempotencyClaim, IdempotentAnswer, StoredCheck, StoredSecret, TargetWrite } from '../store/types.js';

const KEY_SHAPE = /^[\x21-\x7e]{1,200}$/;

const WEAK_SECRET_MESSAGES: Record<SigningSecretProblem, string> = {
  format: 'The signing secret does not fit its scheme: Standard Webhooks secrets are whsec_ followed by base64, GitHub-style secrets have no spaces.',
  length: 'The signing secret is too short (or, for Standard Webhooks, longer than 64 bytes). Generate a new one.',
  weak: 'The signing secret is too easy to guess. Generate a new one.',
};

const VERIFY_MESSAGES: Record<Exclude<VerifyCredentialResult['code'], 'PROVIDER_LIMITATION'>, string> = {
  CREDENTIALS_REJECTED: 'The provider refused this credential. Check it and its permissions, then try again.',
  NETWORK_UNREACHABLE: 'The backend could not reach the provider host. Check the network path (tunnel, allowlist, VPN).',
  PROVIDER_UNAVAILABLE: 'The provider answered with a server error. Try again in a few minutes.',
  PROVIDER_AUTH_REQUIRED: 'The provider needs a new authorisation before this target can be saved.',
};

/** JSON with object keys sorted, so one request is one text whatever order its fields came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

async function idempotencyClaim(ctx: BackendContext, request: Request, body: SaveTargetRequest): Promise<IdempotencyClaim | undefined> {
  const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (key === null) return undefined;
  if (!KEY_SHAPE.test(key)) {
    throw new ProblemResponse('VALIDATION_FAILED', `${IDEMPOTENCY_KEY_HEADER} must be 1 to 200 visible ASCII characters.`, {
      field: IDEMPOTENCY_KEY_HEADER,
    });
  }
  const { credential: _secret, ...rest } = body;
  return {
    key,
    fingerprint: await fingerprint(canonical(rest)),
    expiresAt: ctx.iso(ctx.now() + ctx.limits.idempotencyTtlMs),
  };
}

const keyReused = () =>
  new ProblemResponse('VALIDATION_FAILED', `This ${IDEMPOTENCY_KEY_HEADER} was used for a different save. Send a new key for a new attempt.`, {
    field: IDEMPOTENCY_KEY_HEADER,
  });

function replay(ctx: BackendContext, claim: IdempotencyClaim, answer: IdempotentAnswer): Response {
  if (answer.fingerprint !== claim.fingerprint) throw keyReused();
  return recordResponse(ctx, answer.record, answer.status);
}

function recordResponse(ctx: BackendContext, record: TargetRecord, status: number): Response {
  const json = ctx.records.json(record);
  if (json === null) throw new ProblemResponse('BACKEND_UNAVAILABLE', 'The target was saved, but its record cannot be shown.');
  return checkedJsonResponse(json, status);
}

/** Where the target lives: a checked URL with its network path, or nothing yet for cloud editions. */
async function placement(ctx: BackendContext, body: SaveTargetRequest, edition: Edition) {
  if (!edition.baseUrl) {
    if (body.base_url !== undefined || body.check_id !== undefined) {
      const field = body.base_url !== undefined ? 'base_url' : 'check_id';
      throw new ProblemResponse('VALIDATION_FAILED', `${field} is not used by this edition.`, { field });
    }
    return { check: undefined, baseUrl: undefined, allowlist: null };
  }
  if (!body.ownership_confirmed || !body.export_authorized) {
    throw new ProblemResponse('OWNERSHIP_UNCONFIRMED', OWNERSHIP_MESSAGE, {
      field: body.ownership_confirmed ? 'export_authorized' : 'ownership_confirmed',
    });
  }
  if (!body.base_url) {
    throw new ProblemResponse('VALIDATION_FAILED', 'base_url is required for this edition.', { field: 'base_url' });
  }
  const check: StoredCheck = await requirePassedCheck(ctx, {
    checkId: body.check_id,
    baseUrl: body.base_url,
    provider: body.provider,
    edition: body.edition,
    mode: body.deployment_mode,
  });
  if (!body.allowlist_status) {
    throw new ProblemResponse('ALLOWLIST_STATUS_MISSING', 'Say how the backend reaches this host: direct, tunnel or allowlist.', {
      field: 'allowlist_status',
    });
  }
  if (body.allowlist_status === 'unreachable') {
    throw new ProblemResponse(
      'NETWORK_UNREACHABLE',
      'The backend cannot reach this host yet. Open a tunnel or allowlist the egress addresses, or use portable export.',
      { field: 'allowlist_status' },
    );
  }
  return { check, baseUrl: check.outcome.normalized_url, allowlist: body.allowlist_status };
}

/** The credential: typed by the customer, or the waiting grant of a completed authorisation (not taken yet). */
async function credentialOf(
  ctx: BackendContext,
  body: SaveTargetRequest,
  method: AuthMethod,
  bound: { baseUrl: string | undefined; tenant: string | undefined },
): Promise<{ secret: StoredSecret; authorizationId?: string }> {
  let secret: StoredSecret;
  let authorizationId: string | undefined;
  if (isCredentialKind(method)) {
    if (body.authorization_id !== undefined) {
      throw new ProblemResponse('VALIDATION_FAILED', 'authorization_id is not used by this method.', { field: 'authorization_id' });
    }
    const credential = body.credential?.trim();
    if (!credential) throw authRequired(method);
    const fields = checkExtraFields(method, body.credential_fields);
    secret = { credential, ...(fields ? { fields } : {}) };
  } else {
    if (body.credential !== undefined) {
      throw new ProblemResponse('VALIDATION_FAILED', 'This method takes no typed credential.', { field: 'credential' });
    }
    if (!body.authorization_id) throw authRequired(method);
    const fields = checkExtraFields(method, body.credential_fields);
    const authorization = await ctx.store.getAuthorization(body.authorization_id);
    const bindsHere =
      authorization !== undefined &&
      authorization.status === 'authorized' &&
      Date.parse(authorization.expires_at) > ctx.now() &&
      authorization.provider === body.provider &&
      authorization.edition === body.edition &&
      authorization.auth_method === method.id &&
      (authorization.base_url ?? undefined) === bound.baseUrl &&
      (authorization.tenant === undefined || authorization.tenant === bound.tenant);
    const grant = bindsHere ? await ctx.store.getGrant(authorization.id) : undefined;
    if (!grant) throw authRequired(method, 'The authorisation is missing, expired or already used. Start it again.');
    secret = { ...grant, ...(fields ? { fields } : {}) };
    authorizationId = authorization!.id;
  }
  if (body.signing) secret.signing = body.signing;
  return authorizationId === undefined ? { secret } : { secret, authorizationId };
}

/** Asks the provider about the credential; a refusal becomes its contract error, with the secret redacted. */
async function verify(
  ctx: BackendContext,
  request: Request,
  input: { provider: Provider; edition: Edition; method: AuthMethod; secret: StoredSecret; check: StoredCheck | undefined },
  bound: { baseUrl: string | undefined; tenant: string | undefined; targetId: string | undefined },
): Promise<void> {
  const verifier = ctx.options.verifyCredential;
  if (!verifier) return;
  const secrets = [input.secret.credential];
  let verdict: VerifyCredentialResult | void;
  try {
    verdict = await verifier({
      provider: input.provider,
      edition: input.edition,
      method: input.method,
      ...(bound.tenant !== undefined ? { tenant: bound.tenant } : {}),
      ...(bound.baseUrl !== undefined ? { baseUrl: bound.baseUrl } : {}),
      addresses: [...(input.check?.outcome.addresses ?? [])],
      secret: structuredClone(input.secret),
      ...(bound.targetId !== undefined ? { targetId: bound.targetId } : {}),
      signal: request.signal,
    });
  } catch (error) {
    ctx.options.onError?.(redactError(error, secrets));
    throw new ProblemResponse('BACKEND_UNAVAILABLE', 'The credential could not be checked. Try again later.');
  }
  if (!verdict) return;
  const offered = verdict.message?.trim();
  const message = offered ? redact(offered, secrets).slice(0, 1000) : undefined;
  if (verdict.code === 'PROVIDER_LIMITATION') {
    const known = blockingLimitation(input.edition) ?? input.edition.limitations.find((l) => l.severity === 'warns');
    throw known
      ? limitationProblem(ctx.providers, known, message ?? known.message)
      : new ProblemResponse('PROVIDER_LIMITATION', message ?? `${input.edition.label} cannot hold tickets for this account.`);
  }
  if (verdict.code === 'PROVIDER_AUTH_REQUIRED') throw authRequired(input.method, message ?? VERIFY_MESSAGES.PROVIDER_AUTH_REQUIRED);
  throw new ProblemResponse(verdict.code, message ?? VERIFY_MESSAGES[verdict.code]);
}

export const saveTarget: Route = async (ctx, scope) => {
  const body: SaveTargetRequest = parseBody(SaveTargetRequestSchema, await readJson(scope.request, ctx.limits.maxBodyBytes));
  if (body.credential) scope.secrets.push(body.credential);
  const claim = await idempotencyClaim(ctx, scope.request, body);
  const earlier = async () => {
    const answer = claim && (await ctx.store.getIdempotentAnswer(claim.key, ctx.iso()));
    return answer ? replay(ctx, claim, answer) : undefined;
  };
  const first = await earlier();
  if (first) return first;
  await ctx.ensureSeeded();

  const { provider, edition } = lookupEdition(ctx.providers, body.provider, body.edition);
  requireMode(edition, body.deployment_mode);
  refuseBlockingLimitation(ctx.providers, edition);
  // Only what the catalog lists for this edition; never a broader method.
  const method = findAuthMethod(edition, body.auth_method);
  if (!method) {
    throw new ProblemResponse('VALIDATION_FAILED', 'auth_method is not offered for this edition.', { field: 'auth_method' });
  }
  if (body.token_type !== method.tokenType) {
    throw new ProblemResponse('VALIDATION_FAILED', 'token_type does not belong to this auth_method.', { field: 'token_type' });
  }
  // Provider and edition never change, so what this read says about them stays true.
  const existing = body.target_id ? await ctx.store.getTarget(body.target_id) : undefined;
  if (body.target_id && !existing) {
    throw new ProblemResponse('TARGET_NOT_FOUND', 'There is no target with that id to reconnect.', { field: 'target_id' });
  }
  if (existing && (existing.provider !== body.provider || existing.edition !== body.edition)) {
    throw new ProblemResponse('VALIDATION_FAILED', 'A reconnect keeps the provider and edition of the target.', { field: 'target_id' });
  }
  if (body.signing !== undefined) {
    const offered = provider.webhookSigning?.some((s) => s.id === body.signing) ?? false;
    if (!offered || method.kind !== 'signing-secret') {
      throw new ProblemResponse('VALIDATION_FAILED', 'signing is not offered for this target.', { field: 'signing' });
    }
  }

  let place: Awaited<ReturnType<typeof placement>>;
  try {
    place = await placement(ctx, body, edition);
  } catch (error) {
    // A concurrent retry of this very save may have consumed the check a moment ago.
    if (error instanceof ProblemResponse && error.body.code === 'URL_CHECK_REQUIRED') {
      const replayed = await earlier();
      if (replayed) return replayed;
    }
    throw error;
  }
  const tenant = checkTenant(edition, body.tenant);
  const bound = { baseUrl: place.baseUrl, tenant, targetId: existing?.id };
  const { secret, authorizationId } = await credentialOf(ctx, body, method, bound);
  scope.secrets.push(secret.credential);
  if (method.kind === 'signing-secret') {
    // The element refuses a weak secret before Save; a caller that skips the element meets the same rule here.
    const problem = signingSecretProblem(body.signing ?? defaultSigning(provider), secret.credential);
    if (problem) throw new ProblemResponse('VALIDATION_FAILED', WEAK_SECRET_MESSAGES[problem], { field: 'credential' });
  }
  await verify(ctx, scope.request, { provider, edition, method, secret, check: place.check }, bound);

  const at = ctx.iso();
  const fields = {
    state: 'connected',
    tenant: tenant ?? null,
    base_url: place.baseUrl ?? null,
    allowlist_status: place.allowlist,
    check_id: place.check?.id ?? null,
    auth_method: method.id,
    token_type: method.tokenType,
    scopes: [...method.scopes],
    ...(method.kind === 'signing-secret' ? { signing: body.signing ?? defaultSigning(provider) } : {}),
    has_credentials: true,
    error: null,
    updated_at: at,
    revoked_at: null,
  } satisfies Partial<TargetRecord>;
  const displayName = body.display_name?.trim();
  const write: TargetWrite = {
    secret,
    uniqueKey: targetKey({ provider: body.provider, edition: body.edition, base_url: place.baseUrl, tenant }),
    ...(place.check ? { checkId: place.check.id } : {}),
    ...(authorizationId ? { authorizationId } : {}),
    ...(claim ? { idempotency: claim } : {}),
    now: at,
  };

  const result = existing
    ? await ctx.store.reconnectTarget({
        ...write,
        id: existing.id,
        reconnect: (current) => {
          const name = displayName || current.display_name;
          const history: HistoryEntry[] = [...current.history, { at, event: 'reconnected', detail: method.label }];
          return { ...current, ...fields, ...(name ? { display_name: name } : {}), history };
        },
      })
    : await ctx.store.createTarget({
        ...write,
        maxTargets: ctx.limits.maxTargets,
        record: {
          id: `tgt_${randomUuid()}`,
          provider: body.provider,
          edition: body.edition,
          deployment_mode: body.deployment_mode,
          ...fields,
          ...(displayName ? { display_name: displayName } : {}),
          created_at: at,
          history: [
            { at, event: 'created' },
            { at, event: 'connected', detail: method.label },
          ],
        },
      });

  if (result.ok) return recordResponse(ctx, result.record, existing ? 200 : 201);
  switch (result.reason) {
    case 'replay':
      return replay(ctx, claim!, result.answer);
    case 'key_reused':
      throw keyReused();
    case 'check_unavailable':
      throw new ProblemResponse('URL_CHECK_REQUIRED', 'This URL check was already used or has expired. Run it again.', { field: 'check_id' });
    case 'grant_unavailable':
      throw authRequired(method, 'The authorisation is missing, expired or already used. Start it again.');
    case 'target_exists':
      throw new ProblemResponse(
        'TARGET_EXISTS',
        'A target for this provider, edition and address already exists. Open it, or reconnect it with new credentials.',
        { target_id: result.targetId },
      );
    case 'limit_reached':
      throw new ProblemResponse(
        'TARGET_LIMIT_REACHED',
        `This installation already holds ${ctx.limits.maxTargets} targets, the most it may. Reconnect an existing one instead.`,
      );
    case 'not_found':
      throw new ProblemResponse('TARGET_NOT_FOUND', 'There is no target with that id to reconnect.', { field: 'target_id' });
  }
};
