import { binaryContainer, decodeText } from './decode.js';
import { decodeInput } from './text.js';
import { redactSecrets } from '../redact/redact.js';

const yaml = 'service:\n  url: https://notes.vendor.test\n  password: S3cret-Value-991\n';
const le = (s: string) => Buffer.from(s, 'utf16le');
const be = (s: string) => Buffer.from(le(s).map((_, i, b) => b[i ^ 1]));

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(yaml), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(yaml)]), 'utf-8'],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), le(yaml)]), 'utf-16le'],
    ['UTF-16 LE without BOM', le(yaml), 'utf-16le'],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be(yaml)]), 'utf-16be'],
    ['UTF-16 BE without BOM', be(yaml), 'utf-16be'],
  ])('reads %s as the same text, and redaction finds the password in it', (_name, bytes, encoding) => {
    const d = decodeText(bytes);
    expect(d).toMatchObject({ ok: true, text: yaml, encoding });
    expect(redactSecrets(d.ok ? d.text : '').text).not.toContain('S3cret-Value-991');
  });

  it('drops a stray NUL byte, so `pass\\0word` is still a password key', () => {
    const d = decodeText(Buffer.from('{"pass\u0000word": "S3cret-Value-991"}'));
    expect(d).toMatchObject({ ok: true, strippedNuls: 1 });
    expect(redactSecrets(d.ok ? d.text : '').text).not.toContain('S3cret-Value-991');
  });

  it('reports content that is not text in a known encoding, with a reason', () => {
    const noise = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 131 + 7) % 256));
    expect(decodeText(noise)).toMatchObject({ ok: false, reason: expect.stringMatching(/not text|binary/) });
    expect(decodeText(Buffer.from([0, 0, 1, 2]))).toMatchObject({ ok: false });
    expect(decodeInput(noise)).toMatchObject({ binary: true, reason: expect.any(String) });
  });

  it('recognises binary containers by their magic number only', () => {
    expect(binaryContainer(Buffer.from('%PDF-1.7\n...'))).toBe('pdf');
    expect(binaryContainer(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toBe('zip');
    expect(binaryContainer(Buffer.from('password: x'))).toBeUndefined();
  });
});
