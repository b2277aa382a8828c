import { counted } from './counted.js';

describe('counts in user-facing text', () => {
  it('writes the singular for one and the plural otherwise, with an irregular plural where given', () => {
    expect([counted(1, 'finding'), counted(2, 'finding'), counted(0, 'document')]).toEqual(['1 finding', '2 findings', '0 documents']);
    expect([counted(1, 'entry', 'entries'), counted(3, 'entry', 'entries')]).toEqual(['1 entry', '3 entries']);
  });
});
