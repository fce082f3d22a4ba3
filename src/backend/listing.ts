/**
 * Stored records as the contract lets them out. A store may hold a record
 * the contract no longer accepts (edited by hand, written by an older
 * version): `readTargetRecord` drops a link that is not http(s) and keeps the
 * record; a record that still does not fit is left out and counted, never
 * hiding the others and never failing the whole answer.
 */
import { readTargetRecord, StatusResponseSchema, type StatusResponse, type TargetRecord } from '../core/contract/index.js';

export interface RecordWriter {
  /** The record's JSON as the contract lets it out, or null when it cannot be shown. */
  json(record: TargetRecord): string | null;
}

/**
 * Remembers each record object's answer, so a store that hands out the same
 * frozen objects (the memory store) pays for the contract check once per
 * write, not once per listing.
 */
export function createRecordWriter(onUnshowable: (record: TargetRecord) => void): RecordWriter {
  const cache = new WeakMap<object, string | null>();
  return {
    json(record) {
      const known = typeof record === 'object' && record !== null ? cache.get(record) : undefined;
      if (known !== undefined) return known;
      const read = readTargetRecord(record);
      const json = read ? JSON.stringify(read) : null;
      if (json === null) onUnshowable(record);
      if (typeof record === 'object' && record !== null) cache.set(record, json);
      return json;
    },
  };
}

/** Builds `GET /status` answers around the parts that never change. */
export function createStatusWriter(rest: Omit<StatusResponse, 'targets' | 'omitted'>): (records: string[], omitted: number) => string {
  const fixed = StatusResponseSchema.parse({ targets: [], ...rest });
  const tail = JSON.stringify({ egress_addresses: fixed.egress_addresses, portable_export: fixed.portable_export }).slice(1);
  return (records, omitted) => `{"targets":[${records.join(',')}],${omitted > 0 ? `"omitted":${omitted},` : ''}${tail}`;
}
