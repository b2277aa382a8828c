import { InvalidInputError } from '@custody/domain';
import { deflateRawSync } from 'node:zlib';
import { extractDocument } from '../extract-document.js';
import { loadDocument } from './load-document.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** A minimal valid PDF with one text line per page (pdf.js reads it; no binaries committed). */
function makePdf(pages: string[], opts: { encrypt?: boolean } = {}): Uint8Array {
  const objs: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objs[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objs[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objs[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pages.forEach((text, i) => {
    const id = pageIds[i];
    const stream = text ? `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET` : '';
    objs[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objs[id + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let i = 1; i < objs.length; i++) {
    offsets[i] = out.length;
    out += `${i} 0 obj\n${objs[i]}\nendobj\n`;
  }
  const encryptId = objs.length;
  if (opts.encrypt) {
    offsets[encryptId] = out.length;
    out += `${encryptId} 0 obj\n<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <${'a1'.repeat(32)}> /U <${'b2'.repeat(32)}> >>\nendobj\n`;
  }
  const count = opts.encrypt ? encryptId + 1 : objs.length;
  const xref = out.length;
  out += `xref\n0 ${count}\n0000000000 65535 f \n`;
  for (let i = 1; i < count; i++) out += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${count} /Root 1 0 R${opts.encrypt ? ` /Encrypt ${encryptId} 0 R /ID [<${'c3'.repeat(16)}> <${'c3'.repeat(16)}>]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return enc(out);
}

/** A tiny ZIP writer (deflate) so a real DOCX can be built in the test. */
function makeZip(files: Record<string, string>): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (b: Uint8Array) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content, 'utf8');
    const comp = deflateRawSync(data);
    const nameBuf = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, comp);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

function makeDocx(bodyXml: string): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return makeZip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${bodyXml}</w:body></w:document>`,
  });
}
const para = (text: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

async function rejects(p: Promise<unknown>, reason: RegExp): Promise<void> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(InvalidInputError);
  expect((err as Error).message).toMatch(reason);
}

describe('loadDocument', () => {
  it('reads a PDF text layer and keeps page boundaries', async () => {
    const doc = await loadDocument(makePdf(['Business Associate Agreement', 'Upon termination Vendor shall destroy all PHI.']), 'baa.pdf');
    expect(doc.format).toBe('pdf');
    expect(doc.pages).toHaveLength(2);
    const [p1, p2] = doc.pages!;
    expect(doc.text.slice(p1.start, p1.end)).toContain('Business Associate Agreement');
    expect(doc.text.slice(p2.start, p2.end)).toContain('shall destroy all PHI');
    expect(p2.start).toBeGreaterThan(p1.end);
  });

  it('cites the page each quote of a PDF is on', async () => {
    const pdf = makePdf(['Business Associate Agreement between Harbor Clinic and Acme Notes, Inc.', 'Upon termination of this Agreement, Business Associate shall return or destroy all PHI.']);
    const { facts } = await extractDocument(pdf, 'baa.pdf');
    expect(facts.return_or_destroy_on_termination.value).toBe('yes');
    expect(facts.return_or_destroy_on_termination.evidence[0].page).toBe(2);
  });

  it('detects a PDF by its bytes even under a misleading name', async () => {
    const doc = await loadDocument(makePdf(['Privacy Policy of Example Co.']), 'policy.txt');
    expect(doc.format).toBe('pdf');
  });

  it('rejects a PDF without a text layer as scanned', async () => {
    await rejects(loadDocument(makePdf(['', '']), 'scan.pdf'), /scanned PDF: no text layer/);
  });

  it('rejects an encrypted PDF', async () => {
    await rejects(loadDocument(makePdf(['secret'], { encrypt: true }), 'locked.pdf'), /^encrypted PDF/);
  });

  it('rejects a truncated PDF with a reason instead of crashing', async () => {
    await rejects(loadDocument(enc('%PDF-1.7\n1 0 obj << /Type /Catalog'), 'broken.pdf'), /PDF/);
  });

  it('reads a DOCX with headings through mammoth', async () => {
    const bytes = makeDocx(para('Data Processing Addendum', 'Heading1') + para('Processor shall notify Customer within 48 hours.'));
    const doc = await loadDocument(bytes, 'dpa.docx');
    expect(doc.format).toBe('docx');
    expect(doc.text).toContain('Processor shall notify Customer within 48 hours.');
    expect(doc.sections.map((s) => s.heading)).toContain('Data Processing Addendum');
  });

  it('rejects a corrupt DOCX and a ZIP that is not a Word document', async () => {
    const corrupt = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...enc('this is not really a zip file at all')]);
    await rejects(loadDocument(corrupt, 'broken.docx'), /corrupt DOCX/);
    await rejects(loadDocument(makeZip({ 'readme.txt': 'hello' }), 'notes.docx'), /no word\/document\.xml/);
  });

  it('drops scripts, styles, navigation, headers, footers and cookie banners from HTML', async () => {
    const html = `<!doctype html><html><head><style>p{}</style><script>var sold = 1;</script></head><body>
      <header>Home Pricing</header><nav><a>Menu</a></nav>
      <div class="cookie-banner"><p>We sell cookie data to partners.</p></div>
      <main><h1>Privacy Notice</h1><p>We do not sell personal information.</p><ul><li>Hosting by Example Cloud</li></ul></main>
      <footer>Copyright</footer></body></html>`;
    const doc = await loadDocument(enc(html), 'p.html');
    expect(doc.format).toBe('html');
    expect(doc.text).toContain('We do not sell personal information.');
    expect(doc.text).toContain('- Hosting by Example Cloud');
    expect(doc.text).not.toMatch(/cookie data|Menu|Copyright|Pricing|var sold/);
    expect(doc.sections[0].heading).toBe('Privacy Notice');
  });

  it('rejects an HTML page that is only scripts', async () => {
    await rejects(loadDocument(enc('<html><head><script>a()</script></head><body><script>b()</script></body></html>')), /no readable text/);
  });

  it('strips markdown markup and records headings', async () => {
    const md = '# Terms\n\nSome **bold** text with a [link](https://x.example).\n\n## Data\n\n- First item\n- Second item\n';
    const doc = await loadDocument(enc(md), 'terms.md');
    expect(doc.format).toBe('markdown');
    expect(doc.text).toBe('Terms\n\nSome bold text with a link.\n\nData\n\n- First item\n- Second item');
    expect(doc.sections.map((s) => s.heading)).toEqual(['Terms', 'Data']);
    expect(doc.text.slice(doc.sections[1].start, doc.sections[1].end)).toContain('Second item');
  });

  it('normalises whitespace in plain text consistently', async () => {
    const doc = await loadDocument(enc('  Title\r\n\r\n\r\n   Line one\twith  tabs\u00a0here.\r\n'), 'a.txt');
    expect(doc.format).toBe('text');
    expect(doc.text).toBe('Title\n\nLine one with tabs here.');
  });

  it('rejects empty, oversized, binary and undecodable input with clear reasons', async () => {
    await rejects(loadDocument(new Uint8Array(0), 'empty.txt'), /empty file/);
    await rejects(loadDocument(enc('   \n  '), 'blank.txt'), /empty file/);
    await rejects(loadDocument(enc('x'.repeat(2000)), 'big.txt', { maxBytes: 1000 }), /too large/);
    const binary = new Uint8Array(4096).map((_, i) => (i * 7) % 256);
    await rejects(loadDocument(binary, 'blob.bin'), /binary file/);
    const garbage = new Uint8Array(4096).map((_, i) => 0x80 + (i % 60));
    await rejects(loadDocument(garbage, 'latin.txt'), /not valid UTF-8/);
  });

  it('keeps text with a few invalid UTF-8 bytes and says so', async () => {
    const bytes = new Uint8Array([...enc('Vendor shall not sell PHI. '), 0xff, ...enc(' More text follows here.')]);
    const doc = await loadDocument(bytes, 'mostly-ok.txt');
    expect(doc.text).toContain('Vendor shall not sell PHI.');
    expect(doc.warnings?.[0]).toMatch(/invalid UTF-8/);
  });
});
