/**
 * The peer address an adapter saw on the socket, attached to the Request it
 * built. Kept beside the Request rather than in a header, so a client cannot
 * choose its own rate-limit key by sending one.
 */
const addresses = new WeakMap<Request, string>();

export function setClientAddress(request: Request, address: string | undefined): void {
  if (address) addresses.set(request, address);
}

export function getClientAddress(request: Request): string | undefined {
  return addresses.get(request);
}
