/**
 * The ownership probe: an unauthenticated request to an edition's identity endpoint
 * under its API root, judged by status and by markers in the answer's headers or
 * JSON body that the product sends. The endpoint (API root, identity path, whether a
 * context path is kept) comes from the provider catalog; the catalog's identity hint
 * is prose, so the markers that put it into practice live here, per edition.
 */
import { editionsFor, getEdition } from '../../core/providers/index.js';
import { urlShape, type DeploymentMode, type Edition, type EditionId, type ProviderId } from '../../core/providers/types.js';
import type { ProbeResponse } from './probe.js';

/**
 * What shows the product: a header (a trailing `*` matches a name prefix), a set of
 * top-level JSON fields that must all be present, or one JSON field with a given value.
 */
export type IdentityMarker = { header: string } | { json: readonly string[] } | { jsonValue: readonly [key: string, value: string] };

export interface IdentityProbe {
  /** Product name used in details, e.g. `Jira Data Center`. */
  product: string;
  /** Appended to the normalised base URL, e.g. `/rest/api/2`. */
  apiRoot: string;
  /** Appended to the API root, e.g. `/serverInfo`. */
  identityPath: string;
  /** Statuses the product answers an anonymous caller with. */
  statuses: readonly number[];
  /** The host counts as the product when any marker is in the answer. */
  markers: readonly IdentityMarker[];
  /** Whether the base URL keeps a context path. */
  keepsContextPath: boolean;
}

type Expectation = Pick<IdentityProbe, 'statuses' | 'markers'>;

const GITLAB: Expectation = {
  statuses: [200, 401],
  markers: [{ header: 'x-gitlab-meta' }, { json: ['version', 'revision'] }, { jsonValue: ['message', '401 Unauthorized'] }],
};

/** Markers per catalog edition; an edition missing here reports ownership as skipped. */
const EXPECTATIONS: Record<EditionId, Expectation> = {
  'jira-dc': { statuses: [200], markers: [{ json: ['version', 'deploymentType', 'baseUrl'] }] },
  ghes: { statuses: [200, 401], markers: [{ header: 'x-github-enterprise-version' }, { json: ['installed_version'] }] },
  'gitlab-self-managed': GITLAB,
  'gitlab-dedicated': GITLAB,
  'bitbucket-dc': { statuses: [200], markers: [{ jsonValue: ['displayName', 'Bitbucket'] }] },
  'azure-devops-server': {
    statuses: [200, 203, 401],
    markers: [{ header: 'x-tfs-processid' }, { header: 'x-vss-*' }, { json: ['instanceId', 'deploymentType'] }],
  },
  'youtrack-server': { statuses: [200], markers: [{ json: ['version', 'build'] }] },
};

function editionFor(provider: ProviderId, deploymentMode: DeploymentMode | undefined, edition: EditionId | undefined): Edition | undefined {
  if (edition !== undefined) return getEdition(provider, edition);
  return editionsFor(provider).find((e) => e.mode === deploymentMode && e.baseUrl !== undefined);
}

/**
 * The identity probe for a provider's edition (given, or the one with a base URL in
 * that deployment mode), or undefined when there is none: webhooks, cloud editions
 * without a customer URL, editions without a known identity answer.
 */
export function identityProbeFor(
  provider: ProviderId | undefined,
  deploymentMode: DeploymentMode | undefined,
  edition?: EditionId,
): IdentityProbe | undefined {
  if (provider === undefined || deploymentMode === 'webhook') return undefined;
  const found = editionFor(provider, deploymentMode, edition);
  const spec = found?.baseUrl;
  const expected = found ? EXPECTATIONS[found.id] : undefined;
  if (!found || !spec || !expected || spec.identityPath === '') return undefined;
  return {
    product: found.label,
    apiRoot: spec.apiRoot,
    identityPath: spec.identityPath,
    keepsContextPath: spec.keepsContextPath,
    ...expected,
  };
}

/** How the base URL is normalised for an edition, when the catalog says. */
export function keepsContextPathFor(provider: ProviderId | undefined, deploymentMode: DeploymentMode | undefined, edition?: EditionId): boolean | undefined {
  if (provider === undefined) return undefined;
  const found = editionFor(provider, deploymentMode, edition);
  return found ? urlShape(found) : undefined;
}

function hasHeader(response: ProbeResponse, name: string): boolean {
  const prefix = name.endsWith('*') ? name.slice(0, -1) : undefined;
  return Object.entries(response.headers ?? {}).some(
    ([key, value]) => value !== undefined && (prefix === undefined ? key.toLowerCase() === name : key.toLowerCase().startsWith(prefix)),
  );
}

function jsonObject(body: string | undefined): Record<string, unknown> | undefined {
  if (!body) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function describe(marker: IdentityMarker): string {
  if ('header' in marker) return `header ${marker.header}`;
  if ('json' in marker) return `fields ${marker.json.join(', ')}`;
  return `${marker.jsonValue[0]} "${marker.jsonValue[1]}"`;
}

export function judgeIdentity(probe: IdentityProbe, response: ProbeResponse): { ok: boolean; detail: string } {
  const path = probe.apiRoot + probe.identityPath;
  if (!probe.statuses.includes(response.status)) {
    return { ok: false, detail: `${path} answered ${response.status}, not as ${probe.product} does.` };
  }
  const json = jsonObject(response.body);
  const found = probe.markers.find((m) => {
    if ('header' in m) return hasHeader(response, m.header);
    if ('json' in m) return json !== undefined && m.json.every((k) => k in json);
    return json !== undefined && json[m.jsonValue[0]] === m.jsonValue[1];
  });
  if (!found) {
    const wanted = probe.markers.map(describe).join(' or ');
    return { ok: false, detail: `${path} answered ${response.status} without the ${wanted} that ${probe.product} sends.` };
  }
  return { ok: true, detail: `The host answers as ${probe.product} (${path} returned ${response.status} with ${describe(found)}).` };
}
