import { subprocessorNames as names } from '../testing/subprocessor-names.js';
import { loadMarkdown } from '../loaders/markdown-loader.js';
import { analyseText } from '../text/sentences.js';
import { familyRecipients } from './subprocessor-parent-group.js';

// The vendor's parent or group, and companies "also" controlling the user's data: affiliates outside "we" (OTA README,
// subprocessors_named: "Includes affiliates outside the document's own definition of 'we'"), named where the document
// says who the vendor is rather than in a clause passing data.
describe('the parent group and other controllers of the vendor', () => {
  const sharing = '# Sharing\n\nWe may share your personal information with our affiliates to provide the service.\n';

  it('reads the group the vendor is part of, without its group words', () => {
    const md = '# Orbitel privacy policy\n\nOrbitel runs orbitel.example. Orbitel is now part of the Nimbus, Inc. group of companies.\n\n' + sharing;
    expect(names(md)).toEqual(['Nimbus, Inc.']);
  });

  it('reads the parent the document calls the vendor a subsidiary of', () => {
    const md = '# Privacy Policy\n\nWe are a wholly-owned subsidiary of Skyfold Holdings plc. We run the Orbitel app.\n\n' + sharing;
    expect(names(md)).toEqual(['Skyfold Holdings plc']);
  });

  it('drops the group word written after a legal suffix', () => {
    const md = '# Privacy Policy\n\nWe are part of the Skyfold and General Trust plc Group ("SGT").\n\n' + sharing;
    expect(names(md)).toEqual(['Skyfold and General Trust plc']);
  });

  it('does not read a group when nothing is shared with the vendor\'s family', () => {
    const md = '# Privacy Policy\n\nOrbitel is now part of the Nimbus, Inc. group of companies.\n\n# Sharing\n\nWe do not sell your data.\n';
    expect(names(md)).toEqual([]);
  });

  it('does not read what the vendor is part of when it is no group', () => {
    const md = '# Privacy Policy\n\nOrbitel is a member of the Network Advertising Initiative. This notice is part of the Agreement.\n\n' + sharing;
    expect(names(md)).toEqual([]);
  });

  it('does not read a group by its collective name, a set of companies', () => {
    const md = '# Privacy Policy\n\nWe are part of Nimbus Group, which means we are owned by its holding.\n\n' + sharing;
    expect(names(md)).toEqual([]);
  });

  it('does not read the parent when "we" takes in the vendor\'s affiliates', () => {
    const md = '# Privacy Policy\n\nOrbitel LLC (together with its affiliates, "Orbitel", "we" or "us") cares about privacy. Orbitel LLC is a subsidiary of Nimbus, Inc. ("Nimbus").\n\n' + sharing;
    expect(names(md)).toEqual([]);
  });

  it('does not read the parent of another company', () => {
    const md = '# Privacy Policy\n\nWe use Vimeo to host videos. Vimeo is a subsidiary of Bending Spoons S.p.A.\n\n' + sharing;
    expect(names(md)).not.toContain('Bending Spoons S.p.A.');
  });

  it('does not read the parent of another company the sentence says "we" use', () => {
    // Asked of the rule itself: other rules read suffixed names in this text on their own grounds.
    const family = (md: string) => { const d = loadMarkdown(md); return familyRecipients(analyseText(d.text, d.sections).sentences, ['Orbitel'], () => false).map((f) => f.name); };
    const md = 'Orbitel runs orbitel.example. Vimeo, which we use to host videos, is a subsidiary of Bending Spoons S.p.A. When we take payments, Stripe Payments Europe Ltd is a subsidiary of Stripe, Inc.\n\n' + sharing;
    expect(family(md)).toEqual([]);
    expect(family(md.replace('Vimeo, which we use to host videos, is', 'Since 2021, we are'))).toEqual([expect.stringMatching(/^Bending Spoons S\.p\.A/)]);
  });

  it('reads a company that is also a controller of the user\'s data, past an aside about it', () => {
    const md = '# Who we are\n\nOrbitel Ltd is the controller of your personal information. For some marketing in Europe, Nimbus, Inc., which is located in Delaware, is also a controller relating to your personal information.\n';
    expect(names(md)).toEqual(['Nimbus, Inc.']);
  });
});
