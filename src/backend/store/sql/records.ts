/**
 * One frozen object per stored record text. The backend caches what it derives from a
 * record (its checked JSON, a whole status answer) by the record object's identity, as the
 * memory store hands out the same object until the record changes; this gives the SQL store
 * the same property: a row read again unchanged comes back as the object read before.
 */
import type { TargetRecord } from '../../../core/contract/index.js';
import { deepFreeze } from '../../../core/providers/freeze.js';

export type RecordReader = (id: string, text: string) => TargetRecord;

/** Remembers the last `max` records read, by target id; a changed text replaces its entry. */
export function createRecordReader(max = 1000): RecordReader {
  const byId = new Map<string, { text: string; record: TargetRecord }>();
  return (id, text) => {
    const known = byId.get(id);
    if (known?.text === text) return known.record;
    const record = deepFreeze(JSON.parse(text) as TargetRecord);
    byId.delete(id);
    if (byId.size >= max) byId.delete(byId.keys().next().value!);
    byId.set(id, { text, record });
    return record;
  };
}
