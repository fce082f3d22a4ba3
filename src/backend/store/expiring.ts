/**
 * A map whose entries expire, pruned in amortised constant time: entries are
 * queued in the order they were added, and each write drops expired entries
 * from the front of the queue (and the oldest ones while the map is over its
 * bound). Every entry is queued once and dropped once, so no write scans the
 * map. Entries added with a later expiry than their successors (a handler with
 * a longer TTL) wait until they reach the front, within the size bound.
 */
export class ExpiringMap<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();
  private queue: Array<{ key: string; expires: number }> = [];
  private head = 0;

  constructor(
    private readonly maxEntries: number,
    /** Called for every entry pruned or evicted (not for `delete`). */
    private readonly onDrop?: (key: string, value: T) => void,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value, while it has not expired. */
  get(key: string, now: number): T | undefined {
    const entry = this.entries.get(key);
    return entry && entry.expires > now ? entry.value : undefined;
  }

  /** The value whether expired or not, until it is pruned. */
  peek(key: string): T | undefined {
    return this.entries.get(key)?.value;
  }

  /** Adds or replaces an entry, then prunes. */
  set(key: string, value: T, expires: number, now: number): void {
    this.entries.set(key, { value, expires });
    this.queue.push({ key, expires });
    this.prune(now);
  }

  /** Replaces the value and keeps the expiry; false when the key is unknown. */
  update(key: string, value: T): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    entry.value = value;
    return true;
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.queue = [];
    this.head = 0;
  }

  private prune(now: number): void {
    while (this.head < this.queue.length) {
      const first = this.queue[this.head]!;
      const entry = this.entries.get(first.key);
      // A queue slot whose entry was deleted or replaced since is only a placeholder.
      const stale = entry === undefined || entry.expires !== first.expires;
      if (!stale && first.expires > now && this.entries.size <= this.maxEntries) break;
      this.head += 1;
      if (!stale) {
        this.entries.delete(first.key);
        this.onDrop?.(first.key, entry.value);
      }
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
