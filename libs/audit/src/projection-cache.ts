import type { DocumentAnalysis } from './analyze-document.js';

/**
 * Opened projection inputs of documents, most recently used kept, bounded by their stored size: the re-audit
 * after each document then opens (decrypts, parses) only the documents it has not seen, not the whole
 * workspace again. Keyed by document id, content hash and processing time: a stored analysis never changes
 * once recorded (recordOutcome writes it once), and a document processed again (a reset, another content)
 * gets a new key, so a stale entry is never read — it only ages out.
 */
export class ProjectionInputCache {
  private readonly entries = new Map<string, { value: DocumentAnalysis; bytes: number }>();
  private total = 0;

  constructor(readonly maxBytes = 64 * 1024 * 1024) {}

  static key(d: { id: string; sha256: string; processedAt?: string }): string {
    return `${d.id}:${d.sha256}:${d.processedAt ?? ''}`;
  }

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): DocumentAnalysis | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // Most recently used last: eviction takes from the front.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  set(key: string, value: DocumentAnalysis, bytes: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.total -= old.bytes;
      this.entries.delete(key);
    }
    // One entry may not take more than a quarter of the budget: it would push out everything else.
    if (bytes > this.maxBytes / 4) return;
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [k, e] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(k);
      this.total -= e.bytes;
    }
  }
}
