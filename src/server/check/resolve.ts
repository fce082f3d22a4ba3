/** The system resolver, in the lookup shape the check and the guard take. */
import { lookup as systemLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from '../../backend/check/index.js';

export { resolveAll, ResolveError, type LookupFunction } from '../../backend/check/index.js';

export const defaultLookup: LookupFunction = (hostname, options, callback) =>
  systemLookup(hostname, options, callback as (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void);
