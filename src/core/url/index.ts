/**
 * The static half of the base URL policy. DOM-free and Node-free, so the element
 * gives instant feedback with the same rules the server applies authoritatively.
 */
export { classifyAddress, type AddressClass, type AddressScope } from './classify.js';
export {
  findAmbiguity,
  MAX_URL_LENGTH,
  parseBaseUrl,
  type Ambiguity,
  type ParseFailure,
  type ParseFailureReason,
  type ParseOptions,
  type ParseResult,
  type ParsedBaseUrl,
} from './parse.js';
export {
  allowedName,
  canonicalHostName,
  compileAllow,
  describeAddress,
  judgeAddress,
  specialUseDomain,
  staticUrlCheck,
  type AddressVerdict,
  type AllowList,
  type StaticCheck,
  type StaticFailureReason,
  type UrlPolicyOptions,
} from './policy.js';
export { IPV4_RANGES, IPV6_RANGES, SPECIAL_USE_DOMAINS, type Embedding, type RangeRow, type RangeScope } from './ranges.js';
