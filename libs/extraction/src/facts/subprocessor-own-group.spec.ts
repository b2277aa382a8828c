import { subprocessorNames } from '../testing/subprocessor-names.js';
import { analyseText } from '../text/sentences.js';
import { ownGroupExample } from './subprocessor-own-group.js';

const names = subprocessorNames;

// README, subprocessors_named: the vendor itself is excluded and affiliates count only "outside the document's own
// definition of 'we'". A policy that covers the vendor's subsidiaries or is published by the group's companies speaks for
// the group, so a subsidiary it gives as an example of its own companies is one of "us"; a parent company, and group
// companies of a policy whose "we" is one entity, stay recipients. Texts shaped on real policies, with invented names.
describe("the vendor's own group companies when the document's scope takes the group in", () => {
  const groupScope = '# Privacy Statement\n\nThis privacy statement describes how Orbis collects and shares personal information. It applies to Orbis Corporation and Orbis subsidiaries except where a subsidiary presents its own statement.\n\n';

  it('does not read a subsidiary given as an example of "our subsidiaries" in a statement covering them', () => {
    const doc = groupScope + '## Sharing\n\nInternally, personal information is shared for internal collaboration between our subsidiaries (such as Crimson Hat). We also share it with our hosting provider Nimbus Cloud, Inc.';
    expect(names(doc)).toEqual(['Nimbus Cloud, Inc.']);
  });

  it('does not read a subsidiary given as an example of its group companies, but keeps the parent company', () => {
    const doc =
      '# Privacy Policy\n\nThis Privacy Policy applies to all websites which link to this policy and are published by QT companies.\n\n## Sharing\n\n' +
      'We may share publicly available personal data with our group companies (such as Archivist Inc.) for inclusion in our directories; or, we may share information about our subscribers with our parent company, Hokuto Inc. for joint offers.';
    expect(names(doc)).toEqual(['Hokuto Inc.']);
  });

  it('still reads group companies as recipients when the policy speaks for one entity of the group', () => {
    const doc =
      '# Privacy Policy\n\nThis Privacy Policy applies to Harbor Retail Ireland Limited.\n\n## Group companies\n\n' +
      'We may share the personal data we collect with other organisations in the Harbor Group where those companies share operations with us (such as Harbor IT AB, Harbor Design AB).';
    expect(names(doc)).toEqual(['Harbor IT AB', 'Harbor Design AB']);
  });

  it('still reads a subsidiary named outside an example of the group', () => {
    const doc = groupScope + '## Sharing\n\nWe share your contact details with our payment processor Crimson Pay Ltd.';
    expect(names(doc)).toEqual(['Crimson Pay Ltd']);
  });
});

describe('an example of the group companies, read over sentence breaks', () => {
  const at = (text: string, name: string) => {
    const { sentences } = analyseText(text);
    const s = sentences.find((x) => x.view.includes(name))!;
    return ownGroupExample(sentences, s, s.view.indexOf(name), s.view.indexOf(name) + name.length);
  };
  it('reads the example a sentence opens after one about the group entities, and a name cut from it by initials', () => {
    const lead = 'Sometimes services are provided between legal entities in the QT group, which may involve processing by one entity on behalf of another. ';
    expect(at(lead + 'For example, we may share directory data with Archivist Inc. for our directories.', 'Archivist')).toBe(true);
    expect(at(lead + 'For example, we may share directory data with Q.T. Archivist Inc. for our directories.', 'Archivist')).toBe(true);
  });
  it('does not take a parent company, or a sentence that gives no example, for one', () => {
    const lead = 'Sometimes services are provided between legal entities in the QT group. ';
    expect(at(lead + 'For example, we may share subscriber data with our parent company, Hokuto Inc. for joint offers.', 'Hokuto')).toBe(false);
    expect(at(lead + 'We may share subscriber data with Archivist Inc. for our directories.', 'Archivist')).toBe(false);
  });
});

// README: the convention excludes "parties the user connects to": a service the user links the account to.
describe('a service the user chooses to connect the account to', () => {
  it('does not read the examples of a service the user connects the account to', () => {
    const doc =
      '# Privacy Policy\n\n## Third parties\n\nIf you choose to connect your Orbit business account to a third-party service such as Mapwise Profiles, we access your profile data in read-only mode. We store your messages with our hosting provider Nimbus Cloud, Inc.';
    expect(names(doc)).toEqual(['Nimbus Cloud, Inc.']);
  });

  it('still reads the examples of a service the vendor connects to', () => {
    const doc = '# Privacy Policy\n\n## Third parties\n\nWe share your profile data with third-party services such as Mapwise Profiles to show your business on maps.';
    expect(names(doc)).toEqual(['Mapwise Profiles']);
  });
});
