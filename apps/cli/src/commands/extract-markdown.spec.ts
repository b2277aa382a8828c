import { jest } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { FACT_NAMES } from '@custody/domain';
import { FACT_LABEL } from '@custody/reports';
import { registerExtract } from './extract.command.js';

/** What `custody extract FILE --format md` prints. */
async function extractMd(file: string): Promise<string> {
  const out: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  try {
    const program = new Command('custody').exitOverride();
    registerExtract(program);
    await program.parseAsync(['node', 'custody', 'extract', file, '--format', 'md']);
  } finally {
    spy.mockRestore();
  }
  return out.join('');
}

describe('custody extract --format md: facts for a person', () => {
  let md: string;
  beforeAll(async () => { md = await extractMd('examples/harborview-counseling/docs/scribewell-ai-baa.md'); });

  it('asks each fact as the report does, keeping its JSON name beside it in code type', () => {
    for (const name of FACT_NAMES) expect(md).toMatch(new RegExp(`^- \\*\\*${FACT_LABEL[name].replace(/[()]/g, '\\$&')}\\*\\*: .* · \`${name}\`$`, 'm'));
  });

  it('answers in words, never a stored value (`"opt_out"`, `any_legal_request`) or a JSON-quoted one', () => {
    const answers = md.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(l.indexOf('**: ') + 4, l.lastIndexOf(' · `')));
    expect(answers).toHaveLength(FACT_NAMES.length);
    for (const a of answers) expect(a).not.toMatch(/"|\b[a-z]+_[a-z_]+\b/);
    expect(md).toMatch(/^# scribewell-ai-baa\.md — Business Associate Agreement/m);
  });

  it('quotes a sentence once under a fact, even where two evidence entries share it', () => {
    const facts = md.split(/^- /m).slice(1);
    for (const f of facts) {
      const quotes = f.split('\n').filter((l) => l.startsWith('  > '));
      expect(new Set(quotes).size).toBe(quotes.length);
    }
  });

  it('prints text read from the document literally, escaped as the report escapes it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'custody-md-')), 'acme_baa.md');
    writeFileSync(file, '# Business Associate Agreement\n\nAcme shall not sell PHI or use <b>PHI</b> for *marketing* purposes.\n');
    const out = await extractMd(file);
    expect(out).toMatch(/^# acme\\_baa\.md — /m);
    const quote = out.split('\n').find((l) => l.startsWith('  > ') && l.includes('marketing'));
    expect(quote).toContain('\\<b\\>PHI\\</b\\> for \\*marketing\\*');
  });
});
