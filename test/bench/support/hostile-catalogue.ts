import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import {
  billionLaughs, corruptDocx, deepJson, deepYaml, invalidUtf8, multiPagePdf, pdfWithoutText, protoPollutionJson, smallDocx,
  truncatedEncryptedPdf, xxeChannel, yamlAliasBomb, zip,
} from '../../fixtures/hostile/hostile-inputs.js';

/**
 * The hostile catalogue of `npm run bench:hostile`: every input is generated here, in memory and at most a
 * few tens of MB each (the bombs are small compressed streams), so nothing big is committed.
 * `expect` is the final status the case must reach (and the budget in its reason, when one applies).
 */
export interface HostileCase {
  name: string;
  file: string;
  expect: { status: 'failed' | 'unparsed' | 'processed' | 'failed|unparsed' | 'failed|processed' | 'any'; reason?: RegExp };
  bytes: () => Promise<Buffer> | Buffer;
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
const DOC_HEAD = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
const DOC_TAIL = '</w:t></w:r></w:p></w:body></w:document>';
const GOOD = 'BUSINESS ASSOCIATE AGREEMENT\nBusiness Associate shall notify Covered Entity of any Breach within thirty (30) days.';
const MB = 1024 * 1024;

/** Raw deflate of `head + fill×total + tail`, streamed so a 1.5 GB payload never exists in memory. */
async function deflateFilled(head: string, fillByte: number, total: number, tail: string): Promise<{ data: Buffer; size: number; crc: number }> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => z.on('end', r));
  const chunk = Buffer.alloc(MB, fillByte);
  let crc = crc32(head);
  const write = (b: Buffer) => new Promise<void>((r) => (z.write(b) ? r() : z.once('drain', () => r())));
  await write(Buffer.from(head));
  for (let left = total; left > 0; left -= MB) {
    const b = left >= MB ? chunk : chunk.subarray(0, left);
    crc = crc32(b, crc);
    await write(b);
  }
  await write(Buffer.from(tail));
  crc = crc32(tail, crc);
  z.end();
  await done;
  return { data: Buffer.concat(out), size: Buffer.byteLength(head) + total + Buffer.byteLength(tail), crc };
}

/** A one-part DOCX whose document.xml is pre-deflated; `declare` overrides the sizes the headers state. */
function docxFromDeflated(part: { data: Buffer; size: number; crc: number }, declare?: number, name = 'word/document.xml'): Buffer {
  const ct = Buffer.from(CONTENT_TYPES);
  const ctData = deflateRawSync(ct);
  const entries = [
    { name: '[Content_Types].xml', data: ctData, size: ct.length, crc: crc32(ct) },
    { name, data: part.data, size: declare ?? part.size, crc: part.crc },
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const n = Buffer.from(e.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(8, 8);
    h.writeUInt32LE(e.crc, 14); h.writeUInt32LE(e.data.length, 18); h.writeUInt32LE(Math.min(e.size, 0xffffffff), 22); h.writeUInt16LE(n.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(8, 10);
    c.writeUInt32LE(e.crc, 16); c.writeUInt32LE(e.data.length, 20); c.writeUInt32LE(Math.min(e.size, 0xffffffff), 24); c.writeUInt16LE(n.length, 28); c.writeUInt32LE(offset, 42);
    locals.push(h, n, e.data);
    centrals.push(c, n);
    offset += 30 + n.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A PDF whose one page's content stream is a FlateDecode bomb (`mb` MB of spaces once inflated). */
async function pdfFlateBomb(mb: number): Promise<Buffer> {
  const { data } = await deflateFilled('BT /F1 12 Tf 72 720 Td (Agreement) Tj ET\n', 0x20, mb * MB, '');
  // zlib-wrapped (FlateDecode is zlib, not raw deflate): header 78 DA, no checksum checked by pdf.js.
  const stream = Buffer.concat([Buffer.from([0x78, 0xda]), data, Buffer.alloc(4)]);
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let size = parts[0].length;
  const add = (b: Buffer) => { parts.push(b); size += b.length; };
  const obj = (n: number, body: string | Buffer[]) => {
    offsets.push(size);
    add(Buffer.from(`${n} 0 obj\n`, 'latin1'));
    for (const b of typeof body === 'string' ? [Buffer.from(body, 'latin1')] : body) add(b);
    add(Buffer.from('\nendobj\n', 'latin1'));
  };
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>');
  obj(4, [Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream', 'latin1')]);
  const xref = size;
  add(Buffer.from(`xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A PDF whose page tree points back at itself (a loop pdf.js must not follow forever). */
function pdfLoopingPages(): Buffer {
  const body = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>', '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>'];
  let out = '%PDF-1.4\n';
  const offs: number[] = [];
  body.forEach((b, i) => { offs.push(out.length); out += `${i + 1} 0 obj\n${b}\nendobj\n`; });
  const x = out.length;
  out += `xref\n0 4\n0000000000 65535 f \n${offs.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${x}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const utf16 = (s: string, le = true, bom = true) => {
  const b = Buffer.from(s, 'utf16le');
  if (!le) b.swap16();
  return Buffer.concat([bom ? Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), b]);
};
const CONFIG_JSON = JSON.stringify({ service: 'nightly export', target: 'https://files.stowbox.example/upload', password: 'Sup3r-Secret-Value-42' }, null, 2);
const repeat = (s: string, bytes: number) => s.repeat(Math.ceil(bytes / s.length)).slice(0, bytes);

export const CATALOGUE: HostileCase[] = [
  // XML and its entities
  { name: 'XXE external entity (Mirth channel)', file: 'channels/xxe.xml', expect: { status: 'failed|unparsed', reason: /DOCTYPE|entit/i }, bytes: xxeChannel },
  { name: 'billion laughs', file: 'channels/lolz.xml', expect: { status: 'failed|unparsed', reason: /DOCTYPE|entit/i }, bytes: billionLaughs },
  { name: 'XML nested 100,000 deep', file: 'channels/deep.xml', expect: { status: 'failed', reason: /too_complex/ }, bytes: () => Buffer.from(`<channel>${'<a>'.repeat(100_000)}x${'</a>'.repeat(100_000)}</channel>`) },
  { name: 'Mirth XML with 200,000 connectors (12 MB)', file: 'channels/wide.xml', expect: { status: 'any' }, bytes: () => Buffer.from(`<channel><name>wide</name><destinationConnectors>${'<connector><name>c</name><transportName>HTTP Sender</transportName></connector>'.repeat(200_000)}</destinationConnectors></channel>`) },
  // YAML
  { name: 'YAML alias bomb (custody.yaml)', file: 'bomb/custody.yaml', expect: { status: 'failed', reason: /alias/i }, bytes: yamlAliasBomb },
  { name: 'YAML alias bomb (config)', file: 'configs/aliases.yaml', expect: { status: 'failed', reason: /too_complex|alias/i }, bytes: () => Buffer.from(yamlAliasBomb().toString().replace('practice:', 'service:')) },
  { name: 'YAML custom tag (!!js/function)', file: 'configs/tag.yaml', expect: { status: 'failed|unparsed', reason: /tag/i }, bytes: () => Buffer.from('service: x\nrun: !!js/function "function(){ return process.exit(1) }"\n') },
  { name: 'YAML nested 100,000 deep', file: 'configs/deep.yaml', expect: { status: 'failed', reason: /too_complex/ }, bytes: () => deepYaml(100_000) },
  { name: 'YAML nested 300 deep', file: 'configs/deep300.yaml', expect: { status: 'failed', reason: /too_complex/ }, bytes: () => deepYaml(300) },
  // JSON
  { name: 'JSON nested 1,000,000 deep', file: 'configs/deep.json', expect: { status: 'failed', reason: /too_complex/ }, bytes: () => deepJson(1_000_000) },
  { name: 'JSON config of 50 MB (honest)', file: 'configs/big.json', expect: { status: 'failed', reason: /too_complex|too_large|timeout/ }, bytes: () => Buffer.from(JSON.stringify({ rows: Array.from({ length: 560_000 }, (_, i) => ({ id: i, host: `h${i}.example.org`, note: 'x'.repeat(40) })) })) },
  { name: 'JSON with 1.5 M tiny values (9 MB)', file: 'configs/many.json', expect: { status: 'failed', reason: /too_complex|timeout/ }, bytes: () => Buffer.from(`[${'1,'.repeat(1_500_000)}1]`) },
  { name: 'JSON with one 30 MB string', file: 'configs/longstring.json', expect: { status: 'any' }, bytes: () => Buffer.from(`{"service":"x","blob":"${'A'.repeat(30 * MB)}"}`) },
  { name: 'JSON prototype pollution keys', file: 'configs/proto.json', expect: { status: 'failed', reason: /__proto__|prototype/i }, bytes: protoPollutionJson },
  { name: 'JSON config with NUL bytes', file: 'configs/nul.json', expect: { status: 'any' }, bytes: () => Buffer.from(CONFIG_JSON.replace('nightly', 'night\u0000ly')) },
  { name: 'n8n flow with 100,000 nodes', file: 'flows/huge-n8n.json', expect: { status: 'any' }, bytes: () => Buffer.from(JSON.stringify({ name: 'huge', nodes: Array.from({ length: 100_000 }, (_, i) => ({ id: String(i), name: `n${i}`, type: 'n8n-nodes-base.httpRequest', parameters: { url: `https://h${i % 50}.example.com/x` }, position: [0, 0] })), connections: {} })) },
  { name: 'fleet CSV of 1,000,000 rows', file: 'fleet/huge.csv', expect: { status: 'any' }, bytes: () => Buffer.from(`install_id,clinician,site,vendor,version,recording\n${Array.from({ length: 1_000_000 }, (_, i) => `i${i},c${i % 400},s1,Scribewell,2.1,always`).join('\n')}\n`) },
  { name: 'Terraform nested 10,000 blocks deep', file: 'infra/deep.tf', expect: { status: 'failed|unparsed' }, bytes: () => Buffer.from(`resource "google_healthcare_dataset" "d" {\n${'block {\n'.repeat(10_000)}${'}\n'.repeat(10_000)}}\n`) },
  // DOCX / ZIP
  { name: 'DOCX zip bomb, honest 400 MB inflate', file: 'contracts/honest-400mb.docx', expect: { status: 'failed', reason: /too_large/ }, bytes: async () => docxFromDeflated(await deflateFilled(DOC_HEAD, 0x20, 400 * MB, DOC_TAIL)) },
  { name: 'DOCX zip bomb, 1.5 GB declared as 4 KB', file: 'contracts/lying-1500mb.docx', expect: { status: 'failed', reason: /too_large/ }, bytes: async () => docxFromDeflated(await deflateFilled(DOC_HEAD, 0x20, 1536 * MB, DOC_TAIL), 4096) },
  // Under the 64 MB inflate budget: what stops it is the heap, the clock, or (when it inflates in time) the
  // zip reader noticing the declared 4 KB was a lie ("corrupt DOCX: … size mismatch"). Each is a clear failure.
  { name: 'DOCX 60 MB inflate declared as 4 KB (under budget)', file: 'contracts/lying-60mb.docx', expect: { status: 'failed', reason: /too_large|timeout|corrupt DOCX: .*size mismatch/ }, bytes: async () => docxFromDeflated(await deflateFilled(DOC_HEAD, 0x41, 60 * MB, DOC_TAIL), 4096) },
  { name: 'DOCX with 20,000 entries', file: 'contracts/many-entries.docx', expect: { status: 'failed', reason: /too_complex/ }, bytes: () => zip(Object.fromEntries([['word/document.xml', Buffer.from(`${DOC_HEAD}x${DOC_TAIL}`)], ...Array.from({ length: 20_000 }, (_, i) => [`custom/p${i}.xml`, Buffer.from('<a/>')])])) },
  { name: 'DOCX path traversal entry (../../etc/passwd)', file: 'contracts/traversal.docx', expect: { status: 'any' }, bytes: () => zip({ '[Content_Types].xml': Buffer.from(CONTENT_TYPES), 'word/document.xml': Buffer.from(`${DOC_HEAD}${GOOD}${DOC_TAIL}`), '../../../../etc/passwd': Buffer.from('root:x:0:0') }) },
  { name: 'DOCX without central directory', file: 'contracts/corrupt.docx', expect: { status: 'failed', reason: /corrupt DOCX/ }, bytes: corruptDocx },
  { name: 'DOCX truncated', file: 'contracts/truncated.docx', expect: { status: 'failed', reason: /corrupt DOCX/ }, bytes: () => smallDocx(GOOD).subarray(0, 300) },
  { name: 'DOCX XML nested 200,000 deep', file: 'contracts/deep.docx', expect: { status: 'failed', reason: /too_complex|too_large|timeout|corrupt/ }, bytes: () => zip({ '[Content_Types].xml': Buffer.from(CONTENT_TYPES), 'word/document.xml': Buffer.from(`${DOC_HEAD}${'<w:r>'.repeat(200_000)}${'</w:r>'.repeat(200_000)}${DOC_TAIL}`) }) },
  // PDF
  { name: 'PDF of 100,000 pages', file: 'contracts/100k-pages.pdf', expect: { status: 'failed', reason: /too_complex|timeout/ }, bytes: () => multiPagePdf(100_000, GOOD) },
  { name: 'PDF of 2,500 pages (just over)', file: 'contracts/2500-pages.pdf', expect: { status: 'failed', reason: /too_complex/ }, bytes: () => multiPagePdf(2500, GOOD) },
  { name: 'PDF FlateDecode bomb (1.2 GB content stream)', file: 'contracts/flate-bomb.pdf', expect: { status: 'failed', reason: /too_large|timeout|corrupt|scanned/ }, bytes: () => pdfFlateBomb(1200) },
  { name: 'PDF page tree loop', file: 'contracts/loop.pdf', expect: { status: 'failed', reason: /corrupt|scanned|too_/ }, bytes: pdfLoopingPages },
  { name: 'PDF without text layer', file: 'contracts/scan.pdf', expect: { status: 'failed', reason: /scanned/ }, bytes: pdfWithoutText },
  { name: 'PDF encrypted, truncated', file: 'contracts/locked.pdf', expect: { status: 'failed', reason: /encrypted|corrupt/ }, bytes: truncatedEncryptedPdf },
  { name: 'PDF header then garbage', file: 'contracts/garbage.pdf', expect: { status: 'failed', reason: /corrupt|scanned/ }, bytes: () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200_000, 0x9c)]) },
  // Text encodings
  { name: 'invalid UTF-8', file: 'contracts/latin1.txt', expect: { status: 'failed', reason: /UTF-8|scanned|binary/i }, bytes: invalidUtf8 },
  { name: 'UTF-16LE contract with BOM', file: 'contracts/utf16le.txt', expect: { status: 'processed' }, bytes: () => utf16(GOOD) },
  { name: 'UTF-16BE config with BOM (secret)', file: 'configs/utf16be.json', expect: { status: 'any' }, bytes: () => utf16(CONFIG_JSON, false) },
  { name: 'UTF-16LE YAML without BOM', file: 'configs/utf16.yaml', expect: { status: 'any' }, bytes: () => utf16('service: nightly\ntarget: https://files.stowbox.example/up\npassword: Sup3r-Secret-Value-42\n', true, false) },
  { name: 'random binary (1 MB)', file: 'contracts/random.bin', expect: { status: 'failed|unparsed' }, bytes: () => Buffer.from(Array.from({ length: MB }, (_, i) => (i * 2654435761) >>> 24)) },
  { name: 'OLE (legacy .doc) header', file: 'contracts/legacy.doc', expect: { status: 'failed|unparsed' }, bytes: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 1)]) },
  // ReDoS-shaped and huge text
  { name: 'ReDoS: HTML comments then <x (issue 12)', file: 'configs/comments.html', expect: { status: 'any' }, bytes: () => Buffer.from(`${'<!---->'.repeat(100_000)}<x`) },
  { name: 'ReDoS: 5 MB of one word, no spaces', file: 'contracts/oneword.txt', expect: { status: 'any' }, bytes: () => Buffer.from(`Agreement ${'a'.repeat(5 * MB)}`) },
  { name: 'ReDoS: 2 MB of nested parentheses and commas', file: 'contracts/parens.txt', expect: { status: 'any' }, bytes: () => Buffer.from(`Business Associate Agreement ${repeat('(a, (b, (c, ', 2 * MB)}`) },
  { name: 'contract of 40 MB prose (honest, huge)', file: 'contracts/huge.md', expect: { status: 'failed|processed' }, bytes: () => Buffer.from(`# Services Agreement\n\n${repeat('Vendor shall notify Customer of any breach within thirty (30) days. Vendor will not sell Customer Data. ', 40 * MB)}`) },
  { name: 'HTML of 1,000,000 empty tags', file: 'policies/tags.html', expect: { status: 'any' }, bytes: () => Buffer.from(`<html><body>${'<span></span>'.repeat(1_000_000)}<p>Privacy policy</p></body></html>`) },
  { name: 'HTML nested 100,000 divs', file: 'policies/deep.html', expect: { status: 'any' }, bytes: () => Buffer.from(`<html><body>${'<div>'.repeat(100_000)}We never sell your data.${'</div>'.repeat(100_000)}</body></html>`) },
  { name: 'CSV with one 20 MB line', file: 'fleet/oneline.csv', expect: { status: 'any' }, bytes: () => Buffer.from(`install_id,vendor\n${'x'.repeat(20 * MB)}`) },
  // Names and emptiness
  { name: 'path traversal in the upload name', file: '../../../../etc/passwd.txt', expect: { status: 'any' }, bytes: () => Buffer.from(GOOD) },
  { name: 'script in the upload name', file: 'contracts/<script>alert(1)</script>.txt', expect: { status: 'processed' }, bytes: () => Buffer.from(GOOD) },
  { name: 'empty file', file: 'contracts/empty.txt', expect: { status: 'failed|unparsed' }, bytes: () => Buffer.alloc(0) },
];
