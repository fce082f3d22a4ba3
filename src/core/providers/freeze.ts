/** Freezes plain data so no caller can change the shared catalog; RegExps and functions stay as they are. */
export function deepFreeze<T>(value: T): T {
  if (Array.isArray(value) || (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)) {
    for (const inner of Object.values(value as object)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
