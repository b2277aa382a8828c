/**
 * Reads a V8 `.heapsnapshot` as a stream, so snapshots past the 512 MB string limit load (heap-top.ts's input).
 * Only the header, nodes, edges and strings are kept: the trace sections can be as large and are never used.
 */
import { createReadStream } from 'node:fs';

export interface Meta { node_fields: string[]; node_types: (string[] | string)[]; edge_fields: string[]; edge_types: (string[] | string)[] }

/** The snapshot's header, nodes, edges and strings; the trace sections are skipped. */
export async function readSnapshot(path: string) {
  let header = '';
  let meta: Meta | undefined;
  let nodes = new Float64Array(0);
  let edges = new Uint32Array(0);
  const strings: string[] = [];
  let section: 'header' | 'seek' | 'nodes' | 'edges' | 'skip' | 'strings' | 'done' = 'header';
  let key = '';
  let n = 0;
  let num = 0;
  let inNum = false;
  let fill = 0;
  // Strings: raw bytes of the current token (with its quotes), then JSON.parse.
  let strParts: Buffer[] = [];
  let inStr = false;
  let escaped = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
    let i = 0;
    while (i < chunk.length) {
      if (section === 'header') {
        const text = chunk.toString('latin1', i);
        header += text;
        const at = header.indexOf('"nodes":[');
        if (at < 0) break;
        const snap = JSON.parse(`${header.slice(0, header.lastIndexOf(',', at))}}`) as { snapshot: { meta: Meta; node_count: number; edge_count: number } };
        meta = snap.snapshot.meta;
        nodes = new Float64Array(snap.snapshot.node_count * meta.node_fields.length);
        edges = new Uint32Array(snap.snapshot.edge_count * meta.edge_fields.length);
        i += at + '"nodes":['.length - (header.length - text.length);
        header = '';
        section = 'nodes';
        fill = 0;
        continue;
      }
      if (section === 'nodes' || section === 'edges') {
        const out = section === 'nodes' ? nodes : edges;
        for (; i < chunk.length; i++) {
          const c = chunk[i]!;
          if (c >= 48 && c <= 57) {
            num = num * 10 + (c - 48);
            inNum = true;
          } else if (c === 44 || c === 93) {
            if (inNum) out[fill++] = num;
            num = 0;
            inNum = false;
            if (c === 93) {
              i++;
              section = 'seek';
              key = '';
              break;
            }
          }
        }
        continue;
      }
      if (section === 'seek') {
        // Between sections: read the next key up to its '['.
        for (; i < chunk.length; i++) {
          const c = chunk[i]!;
          if (c === 91) {
            i++;
            const k = key.replace(/[^a-z_]/g, '');
            section = k === 'edges' ? 'edges' : k === 'strings' ? 'strings' : 'skip';
            fill = 0;
            n = 0;
            break;
          }
          key += String.fromCharCode(c);
        }
        continue;
      }
      if (section === 'skip') {
        // The trace sections hold only numbers and nested arrays.
        for (; i < chunk.length; i++) {
          const c = chunk[i]!;
          if (c === 91) n++;
          else if (c === 93) {
            if (n === 0) {
              i++;
              section = 'seek';
              key = '';
              break;
            }
            n--;
          }
        }
        continue;
      }
      if (section === 'strings') {
        let start = inStr ? i : -1;
        for (; i < chunk.length; i++) {
          const c = chunk[i]!;
          if (inStr) {
            if (escaped) escaped = false;
            else if (c === 92) escaped = true;
            else if (c === 34) {
              strParts.push(chunk.subarray(start, i + 1));
              strings.push(JSON.parse(Buffer.concat(strParts).toString('utf8')) as string);
              strParts = [];
              inStr = false;
            }
          } else if (c === 34) {
            inStr = true;
            start = i;
          } else if (c === 93) {
            section = 'done';
            break;
          }
        }
        if (inStr) strParts.push(chunk.subarray(start));
        break;
      }
      break;
    }
    if (section === 'done') break;
  }
  if (!meta) throw new Error(`${path}: not a heap snapshot`);
  return { meta, nodes, edges, strings };
}
