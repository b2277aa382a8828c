import type { Command } from 'commander';
import { counted, InvalidInputError, NotFoundError } from '@custody/domain';
import type { Runtime } from '@custody/pipeline';
import { EXIT } from '../exit-codes.js';
import { loadServiceRuntime } from '../load-service.js';
import { registerRotateSigningKey } from './audit-log-rotate.command.js';
import { withRuntime } from './with-runtime.js';

const entriesText = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
const collect = (v: string, all: string[]) => [...all, v];

/** `--anchor seq:hash`: a head someone wrote down (an export's last line, a ticket): the chain must pass through it. */
function parseAnchor(text: string): { seq: number; hash: string } {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!m) throw new InvalidInputError(`--anchor "${text}" is not seq:hash (a number, a colon, 64 hex digits)`);
  return { seq: Number(m[1]), hash: m[2]! };
}

/** The keys `verify` trusts (current, retired, CUSTODY_AUDIT_TRUSTED_KEYS, `--public-key` files), by id. */
export async function trustOf(rt: Runtime, files: string[] = []) {
  const { config } = await loadServiceRuntime();
  const { auditTrust } = await import('@custody/persistence');
  return auditTrust({ signer: rt.auditSigner, keyFile: config.auditSigningKeyFilePath(rt.config), trustedPems: rt.config.auditTrustedKeys, files });
}

/**
 * The tamper-evident audit log: each workspace's events form a hash chain (libs/persistence audit-chain.ts)
 * whose heads are signed periodically (audit-checkpoint.ts). `verify` checks the chain, every checkpoint's
 * signature against the trusted keys (this install's signing key, its retired keys, CUSTODY_AUDIT_TRUSTED_KEYS
 * and any `--public-key`), and that the chain passes through each checkpoint and each `--anchor`.
 * `rotate-signing-key` is in audit-log-rotate.command.ts.
 */
export function registerAuditLog(program: Command): void {
  const log = program.command('audit-log').description('the hash-chained audit log: verify it, anchor it, export it');
  log
    .command('verify')
    .description('walk each workspace\'s hash chain and its signed checkpoints; exit 1 at the first edited, deleted, inserted or reordered entry, forged checkpoint or cut-off end')
    .option('--workspace <name>', 'only this workspace (name, slug or id)')
    .option('--anchor <seq:hash>', 'a head recorded earlier that the chain must still pass through (repeatable; needs --workspace)', collect, [])
    .option('--public-key <file>', 'also trust checkpoints signed by the Ed25519 public key(s) in this PEM file (repeatable; a file may hold several)', collect, [])
    .action((opts: { workspace?: string; anchor: string[]; publicKey: string[] }) => {
      const anchors = opts.anchor.map(parseAnchor);
      if (anchors.length && !opts.workspace) throw new InvalidInputError('--anchor names an entry of one workspace: give --workspace too');
      return withRuntime(async (rt) => {
        const { verifyCheckpoints, verifyLinks } = await import('@custody/persistence');
        const trusted = (await trustOf(rt, opts.publicKey)).keys;
        const workspaces = await rt.persistence.workspaces.list();
        const names = new Map(workspaces.map((w) => [w.id, w.slug]));
        let ids: string[];
        if (opts.workspace) {
          const ws = await rt.persistence.workspaces.resolve(opts.workspace);
          if (!ws) throw new NotFoundError('workspace', opts.workspace);
          ids = [ws.id];
        } else {
          // Workspaces in creation order, then chains whose workspace row is gone (by id).
          const logged = new Set(await rt.persistence.events.chainWorkspaces());
          ids = [...workspaces.map((w) => w.id).filter((id) => logged.has(id)), ...[...logged].filter((id) => !names.has(id))];
        }
        let entries = 0;
        let broken = 0;
        for (const id of ids) {
          const links = await rt.persistence.events.links(id);
          const v = verifyLinks(links);
          const cps = verifyCheckpoints(links, await rt.persistence.checkpoints.list(id), trusted);
          // An anchor is a head the operator vouches for (no signature): it only has to lie on the chain.
          const anchorProblems = anchors.flatMap((a) => {
            const l = links.find((x) => x.seq === a.seq);
            if (!l) return [`anchor ${a.seq}: no such entry (the log ends at ${links.at(-1)?.seq ?? 0})`];
            return l.hash === a.hash ? [] : [`anchor ${a.seq}: the entry's hash is no longer ${a.hash}`];
          });
          entries += v.entries;
          const name = names.get(id) ?? id;
          const problems = [...cps.problems.map((p) => `checkpoint ${p.kind}: ${p.detail}`), ...anchorProblems];
          if (v.ok && !problems.length) {
            const signed = cps.latest ? `, signed to entry ${cps.latest.seq} (${counted(cps.checkpoints, 'checkpoint')})` : ', no checkpoint yet';
            console.log(`${name}\tok, ${entriesText(v.entries)}${v.head ? `, head ${v.head.seq} ${v.head.hash}` : ''}${signed}${anchors.length ? `, ${counted(anchors.length, 'anchor')} on the chain` : ''}`);
          } else {
            broken++;
            if (!v.ok) console.log(`${name}\tbroken at entry ${v.broken.seq} (${v.broken.kind}): ${v.broken.detail}; ${v.intact} of ${v.entries} entries intact before it`);
            for (const p of problems) console.log(`${name}\t${p}`);
          }
        }
        if (broken > 0) {
          console.log(`broken: ${broken} of ${counted(ids.length, 'workspace')}`);
          process.exitCode = EXIT.tampered;
        } else {
          console.log(`ok, ${entriesText(entries)}${ids.length === 1 ? '' : ` in ${ids.length} workspaces`}`);
        }
      });
    });
  log
    .command('checkpoint')
    .description('sign each workspace\'s chain head now (the worker also does this every CUSTODY_AUDIT_CHECKPOINT_INTERVAL_MS)')
    .action(() =>
      withRuntime(async (rt) => {
        const names = new Map((await rt.persistence.workspaces.list()).map((w) => [w.id, w.slug]));
        let refused = 0;
        for (const o of await rt.persistence.checkpoints.anchorAll(rt.auditSigner)) {
          const name = names.get(o.workspaceId) ?? o.workspaceId;
          if ('anchored' in o) console.log(`${name}\tsigned entry ${o.anchored.seq} ${o.anchored.hash} with ${o.anchored.keyId}`);
          else if ('unchanged' in o) console.log(`${name}\tunchanged since its last checkpoint`);
          else { refused++; console.log(`${name}\tnot signed: ${o.refused}`); }
        }
        if (refused) process.exitCode = EXIT.tampered;
      }));
  log
    .command('public-key')
    .description('print every public key verify trusts, current first, then retired ones (keep a copy away from the database; verify --public-key reads it back)')
    .action(() =>
      withRuntime(async (rt) => {
        const { publicKeyBlock } = await import('@custody/persistence');
        const trust = await trustOf(rt);
        // `#` lines name each key; PEM readers (openssl, verify --public-key) skip them.
        for (const [id, key] of trust.keys) process.stdout.write(publicKeyBlock(key, trust.source.get(id)!));
        console.error(`key id ${rt.auditSigner.keyId} signs new checkpoints; ${trust.keys.size - 1} other trusted key${trust.keys.size === 2 ? '' : 's'}`);
      }));
  registerRotateSigningKey(log);
  log
    .command('export')
    .description('print a workspace\'s audit log as JSON lines, each entry with its prevHash and hash')
    .requiredOption('--workspace <name>', 'workspace name, slug or id')
    .action((opts: { workspace: string }) =>
      withRuntime(async (rt) => {
        const ws = await rt.persistence.workspaces.resolve(opts.workspace);
        if (!ws) throw new NotFoundError('workspace', opts.workspace);
        // Field names as hashed: hash = sha256(prevHash + canonical JSON of workspace, seq, type, at, actor, payload).
        for await (const e of rt.persistence.events.chain(ws.id)) {
          process.stdout.write(`${JSON.stringify({ workspace: e.workspaceId, seq: e.seq, type: e.type, at: e.at, actor: e.actor, payload: e.payload, prevHash: e.prevHash, hash: e.hash })}\n`);
        }
      }));
}
