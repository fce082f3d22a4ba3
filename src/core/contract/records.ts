/**
 * Reading one stored or received target record leniently: a link a browser
 * must not follow (anything but http or https) is dropped and the record
 * kept; a record that still does not fit the contract is not read at all.
 * The backend applies this to what its store holds, and the client to what
 * the backend sends, so one bad record never hides the others.
 */
import { TargetRecordSchema, type TargetRecord } from './schemas.js';

const HTTP_LINK = /^\s*https?:\/\//i;

/** The record as the contract reads it, without a non-http(s) action link; undefined when it does not fit. */
export function readTargetRecord(value: unknown): TargetRecord | undefined {
  const parsed = TargetRecordSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const record = value as { error?: { action?: { url?: unknown } } } | null;
  const url = record?.error?.action?.url;
  if (url === undefined || (typeof url === 'string' && HTTP_LINK.test(url))) return undefined;
  const { url: _dropped, ...action } = record!.error!.action!;
  const retried = TargetRecordSchema.safeParse({ ...record, error: { ...record!.error, action } });
  return retried.success ? retried.data : undefined;
}
