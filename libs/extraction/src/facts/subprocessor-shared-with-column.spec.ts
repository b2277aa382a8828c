import { loadMarkdown } from '../loaders/markdown-loader.js';
import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// A table of purposes whose last column says who gets each row's data; its cells hold several recipients, a sentence
// each, after a break (`<br><br>`), and a row's first cell may be whole sentences.
const header = '| Purpose | Categories of personal data | Legal basis | How long is the data kept? | Who do we share personal data with? |';
const rule = '| --- | --- | --- | --- | --- |';
const table = (...rows: string[]): string => ['## 3.1 When you contact our support', '', '|     |     |     |     |     |', rule, header, ...rows, ''].join('\n');
const supportRow =
  '| Handling of support cases | Name<br><br>(From you) | Legitimate interest. | 13 months. | Ringvox AB, which provides telephony services in the EU/EEA.<br><br>Helpdeskly, which provides a platform for customer service. |';
const sentenceRow = '| Notify the Sender which users can receive mail. Mail shipments to. | Name | Contract. | 20 days. | Signwell, which provides a platform for electronic signing. |';

describe('a table whose column says who receives each row’s data ("Who do we share personal data with?")', () => {
  it('reads every recipient of that column’s cells, one per sentence, not the purpose in the first column', () => {
    const got = names(table(supportRow));
    expect(got).toEqual(expect.arrayContaining(['Ringvox AB', 'Helpdeskly']));
    expect(got).not.toContain('Handling of support cases');
  });

  it('keeps the table open past a row whose first cell is whole sentences, so later rows keep the header', () => {
    expect(names(table(sentenceRow, supportRow))).toEqual(expect.arrayContaining(['Signwell', 'Ringvox AB', 'Helpdeskly']));
  });

  it('does not read a column of categories of recipients as names ("Categories of third parties we share with")', () => {
    const md = ['| Personal information | Categories of third parties with whom we share it |', '| --- | --- |', '| Identifiers | Service providers. Advertising partners. |', ''].join('\n');
    expect(names(md)).toEqual([]);
  });

  it('does not read a sentence of that column led by a kind of party as a name ("Suppliers of IT Services, e.g. …")', () => {
    const got = names(table(
      '| Hosting | IT data. | Contract. | 13 months. | Suppliers of IT Services, e.g. Amazon Web Services. |',
      '| Sales | Name | Contract. | 13 months. | Providers of CRM Systems. |',
      '| Payroll | Name | Law. | 7 years. | HR System Providers. Nimbus Group Companies. |',
    ));
    expect(got).toContain('Amazon Web Services');
    expect(got).not.toContain('Suppliers of IT Services');
    expect(got).not.toContain('Providers of CRM Systems');
    expect(got).not.toContain('HR System Providers');
    expect(got).not.toContain('Nimbus Group Companies');
  });
});

describe('a cell line ending its sentence before a break (`assistant.<br>Zendesk`)', () => {
  it('keeps a space between the two sentences, mapped to the break', () => {
    const md = ['| A | B |', '| --- | --- |', '| Support | Ringvox AB handles calls.<br><br>Helpdeskly Inc. handles tickets. |', ''].join('\n');
    const doc = loadMarkdown(md);
    expect(doc.text).toContain('calls. Helpdeskly Inc.');
    const at = doc.text.indexOf('Helpdeskly');
    expect(md.slice(doc.src[at], doc.src[at] + 10)).toBe('Helpdeskly');
  });
});

describe('a word of the relation vocabulary inside a corporate name', () => {
  it('is not the verb that makes the names of a sentence about the vendor’s group recipients', () => {
    const before = 'We may transfer your information within the Nimbus group of companies, and to third parties as described above.';
    const md = `${before} Orbit Media, Inc. and Quill Communications, LLC, two of our subsidiaries, participate in and have certified their compliance with the Privacy Shield Framework.\n`;
    const got = names(md);
    expect(got).not.toContain('Quill Communications, LLC');
    expect(got).not.toContain('Orbit Media, Inc.');
  });
});
