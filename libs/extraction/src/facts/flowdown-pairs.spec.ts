import { factOf } from '../testing/fact-of.js';

const flow = (text: string) => factOf('subcontractor_flowdown', text);

describe('subcontractor_flowdown: a contract and a purpose limit in two sentences about the same providers', () => {
  it('the contract first, the instructions in the next sentence', () => {
    expect(flow('Hosting vendors that store records for us are chosen with care and are placed under detailed contractual obligations. The vendors act in accordance with our instructions at all times.')).toBe('yes');
  });
  it('the purpose limit first, then "Further, they" under the contract', () => {
    expect(flow('Our payment providers only receive the data needed to settle your order and may not use it for other purposes. Further, they must handle the data in accordance with our contractual terms.')).toBe('yes');
  });
  it('required to act on the vendor\'s instructions, without "only"', () => {
    expect(flow('When we pass records to our mailing providers, we require them to handle those records on our behalf in accordance with our instructions.')).toBe('yes');
  });
});

describe('subcontractor_flowdown: halves that do not join', () => {
  it('the contract alone, or the purpose limit alone', () => {
    expect(flow('Hosting vendors that store records for us are placed under detailed contractual obligations.')).toBe('unspecified');
    expect(flow('The vendors act in accordance with our instructions at all times.')).toBe('unspecified');
  });
  it('the limit in another paragraph, or about someone else', () => {
    expect(flow('Hosting vendors that store records for us are placed under detailed contractual obligations.\n\nThe vendors act in accordance with our instructions at all times.')).toBe('unspecified');
    expect(flow('Hosting vendors that store records for us are placed under detailed contractual obligations. We only use your data to provide the services.')).toBe('unspecified');
  });
  it('a contract refused', () => {
    expect(flow('Hosting vendors that store records for us are not placed under any contractual obligations. The vendors act in accordance with our instructions at all times.')).toBe('unspecified');
  });
});

describe('subcontractor_flowdown: a protection duty and a purpose limit in two sentences', () => {
  it('required to protect the data, then limited to the vendor\'s instructions', () => {
    expect(flow('We require our vendors to protect the confidentiality of your records. These vendors may handle your records for the stated purposes and on our instructions only.')).toBe('yes');
  });
  it('the protection duty alone is not one', () => {
    expect(flow('We require our vendors to protect the confidentiality of your records. We keep backups for thirty days.')).toBe('unspecified');
  });
});

describe('subcontractor_flowdown: "the receiving party" of a transfer to providers named just before', () => {
  it('is bound to this notice', () => {
    expect(flow('We send records to our affiliates and hosting providers abroad. When records are sent, we will require the receiving party to keep them confidential and to act in accordance with this privacy notice.')).toBe('yes');
  });
  it('not without providers named before it', () => {
    expect(flow('Records may be sent abroad. When records are sent, we will require the receiving party to keep them confidential and to act in accordance with this privacy notice.')).toBe('unspecified');
  });
});

describe('subcontractor_flowdown: data "no longer required" refuses no binding', () => {
  it('deleting what is no longer required is part of the duty', () => {
    expect(flow('We send records to our affiliates and hosting providers abroad. When records are sent, we will require the receiving party to keep them confidential, erase them once they are no longer required and act in accordance with this privacy notice.')).toBe('yes');
  });
});

describe('subcontractor_flowdown: the vendor\'s policies called by its name', () => {
  it('providers required to act consistent with the vendor-named policies', () => {
    const text = 'Quillbrook Ltd. ("Quillbrook", "we") runs the Quillbrook app.\n\nWhere needed, Quillbrook will require its vendors to handle records in a manner consistent with Quillbrook policies on data protection.';
    expect(flow(text)).toBe('yes');
  });
  it('another company\'s policies are not the vendor\'s', () => {
    const text = 'Quillbrook Ltd. ("Quillbrook", "we") runs the Quillbrook app.\n\nWhere needed, Quillbrook will require its vendors to handle records in a manner consistent with Brindle policies on data protection.';
    expect(flow(text)).toBe('unspecified');
  });
});
