import type { DataSource } from 'typeorm';
import { GENESIS_HASH } from '../audit-chain.js';
import type { AuditSigner, Checkpoint } from '../audit-checkpoint.js';
import type { EventStoreRepository } from './event-store.repository.js';

/** What one anchoring pass did for one workspace. */
export type AnchorOutcome =
  | { workspaceId: string; anchored: Checkpoint }
  | { workspaceId: string; unchanged: true }
  /** The chain since the last checkpoint does not verify: signing its head would bless the tampering. */
  | { workspaceId: string; refused: string };

/** The audit log's signed checkpoints (audit-checkpoint.ts): written by the anchoring timer, read by verify. */
export class CheckpointRepository {
  constructor(private readonly ds: DataSource, private readonly events: EventStoreRepository) {}

  async list(workspaceId: string): Promise<Checkpoint[]> {
    const rows: { seq: string; hash: string; at: string; key_id: string; signature: string }[] = await this.ds.query(
      'SELECT seq::text AS seq, hash, at, key_id, signature FROM audit_checkpoint WHERE workspace_id = $1 ORDER BY seq, id', [workspaceId]);
    return rows.map((r) => ({ workspaceId, seq: Number(r.seq), hash: r.hash, at: r.at, keyId: r.key_id, signature: r.signature }));
  }

  /**
   * Signs the head of every workspace's chain that moved since its last checkpoint. Only the entries after the
   * last checkpoint are walked, and they must link on from its hash with intact contents; a chain broken
   * there is refused, not signed. Two processes anchoring at once write one row (unique workspace, seq, key).
   */
  async anchorAll(signer: AuditSigner, now = new Date()): Promise<AnchorOutcome[]> {
    const rows: { id: string }[] = await this.ds.query('SELECT DISTINCT workspace_id::text AS id FROM event ORDER BY 1');
    const out: AnchorOutcome[] = [];
    for (const { id } of rows) out.push(await this.anchor(signer, id, now));
    return out;
  }

  async anchor(signer: AuditSigner, workspaceId: string, now = new Date()): Promise<AnchorOutcome> {
    const [last]: { seq: string; hash: string }[] = await this.ds.query(
      'SELECT seq::text AS seq, hash FROM audit_checkpoint WHERE workspace_id = $1 AND key_id = $2 ORDER BY seq DESC LIMIT 1', [workspaceId, signer.keyId]);
    const after = last ? Number(last.seq) : 0;
    const links = await this.events.links(workspaceId, after);
    if (!links.length) return { workspaceId, unchanged: true };
    let prev = last?.hash ?? GENESIS_HASH;
    for (const l of links) {
      if (l.prevHash !== prev || !l.contentOk || !l.hash) {
        return { workspaceId, refused: `entry ${l.seq} does not verify after ${last ? `the checkpoint at entry ${after}` : 'the start of the log'}; run custody audit-log verify` };
      }
      prev = l.hash;
    }
    const head = links[links.length - 1]!;
    const cp = signer.sign({ workspaceId, seq: head.seq, hash: head.hash!, at: now.toISOString() });
    await this.ds.query(
      `INSERT INTO audit_checkpoint (workspace_id, seq, hash, at, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT uq_audit_checkpoint DO NOTHING`,
      [workspaceId, cp.seq, cp.hash, cp.at, cp.keyId, cp.signature]);
    return { workspaceId, anchored: cp };
  }
}
