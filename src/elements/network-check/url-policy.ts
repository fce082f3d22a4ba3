/**
 * The static URL policy (ipaddr.js and the IANA range tables) for the instant
 * hint, loaded when the network step first needs it or at idle before that.
 * Until it has loaded the field simply gives no instant hint; the server's
 * check is the one that decides.
 */
import type { parseIp } from '../../core/url/classify.js';
import type { staticUrlCheck } from '../../core/url/policy.js';

export interface UrlPolicy {
  readonly staticUrlCheck: typeof staticUrlCheck;
  readonly parseIp: typeof parseIp;
}

let loaded: UrlPolicy | undefined;
let loading: Promise<UrlPolicy> | undefined;

export function loadUrlPolicy(): Promise<UrlPolicy> {
  loading ??= Promise.all([import('../../core/url/policy.js'), import('../../core/url/classify.js')]).then(([policy, classify]) => {
    loaded = { staticUrlCheck: policy.staticUrlCheck, parseIp: classify.parseIp };
    return loaded;
  });
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The policy if it has loaded, else `undefined`. */
export function urlPolicy(): UrlPolicy | undefined {
  return loaded;
}
