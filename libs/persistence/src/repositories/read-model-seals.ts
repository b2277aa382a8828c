/**
 * How each read model is sealed at rest and opened again: the graph as one value per workspace, each finding per
 * row (and a finding larger than a page lists also as its sealed page head), each bound to its workspace and id
 * by its AAD, so a row copied to another workspace or id does not open. Rows from before sealing (key id NULL)
 * are read as stored. Apart from projection.repository.ts because these are the rows' cryptographic shape,
 * while the repository decides when they are read and written.
 */
import { cutOnPages, pageHead, type Finding, type Graph } from '@custody/domain';
import type { FindingEntity, GraphProjectionEntity } from '../entities/index.js';
import type { DataKeyring } from '../crypto/data-keys.js';
import { aad, openReadModel } from '../crypto/sealed-rows.js';
import type { StoredFinding } from './read-model-types.js';

export function openGraph(keys: DataKeyring, row: GraphProjectionEntity): Graph {
  return openReadModel<Graph>(keys, { clear: row.graph, sealed: row.graphSealed, keyId: row.keyId }, aad.graph(row.workspaceId));
}

export function sealGraph(keys: DataKeyring, workspaceId: string, graph: Graph): Pick<GraphProjectionEntity, 'graph' | 'graphSealed' | 'keyId'> {
  const { keyId, sealed } = keys.sealJson(graph, aad.graph(workspaceId));
  return { graph: null, graphSealed: sealed, keyId };
}

/** A finding row with its history; with `head`, its sealed page head is opened instead of the whole finding. */
export function storedFinding(keys: DataKeyring, r: Pick<FindingEntity, 'workspaceId' | 'id' | 'data' | 'dataSealed' | 'keyId' | 'firstSeenAt' | 'lastSeenAt' | 'resolvedAt'>, head?: Buffer): StoredFinding {
  const finding = head ? openReadModel<Finding>(keys, { clear: null, sealed: head, keyId: r.keyId }, aad.findingHead(r.workspaceId, r.id)) : openFinding(keys, r);
  return {
    ...finding, firstSeenAt: new Date(r.firstSeenAt).toISOString(), lastSeenAt: new Date(r.lastSeenAt).toISOString(),
    resolvedAt: r.resolvedAt ? new Date(r.resolvedAt).toISOString() : undefined,
  };
}

/** The page head of a finding larger than a page lists (instances, systems or evidence), sealed; undefined for the others. */
export function sealHead(keys: DataKeyring, workspaceId: string, f: Finding): { keyId: string; sealed: Buffer } | undefined {
  if (!cutOnPages(f)) return undefined;
  return keys.sealJson(pageHead(f), aad.findingHead(workspaceId, f.id));
}

export function openFinding(keys: DataKeyring, r: Pick<FindingEntity, 'workspaceId' | 'id' | 'data' | 'dataSealed' | 'keyId'>): Finding {
  return openReadModel<Finding>(keys, { clear: r.data, sealed: r.dataSealed, keyId: r.keyId }, aad.finding(r.workspaceId, r.id));
}
