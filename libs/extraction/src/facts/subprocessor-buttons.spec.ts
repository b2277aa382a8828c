import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// A social button named by its platform among embedded features said to collect the visit. The positive case failed
// before this spec: only "plug-ins/buttons from X" named the platform (pluginOwners).
describe('the platform of a social button on the vendor\'s pages', () => {
  it('reads the platform when the features are said to collect the visitor\'s data', () => {
    expect(names('# Social features\n\nOur pages include social media features, such as Facepage "like" buttons or Chirper "share" buttons. These features may collect your IP address and the page you are visiting.')).toEqual(
      expect.arrayContaining(['Facepage', 'Chirper']),
    );
  });

  // "like the X Like Button": an example given by "like", the button's kind in title case.
  it('reads the platform of a button given with "like the", in title case', () => {
    expect(names('# Who we get information from\n\nThe social media features on our site, like the Facepage Like Button, may allow the social network to collect things, such as, your IP address and the page you are visiting.')).toEqual(['Facepage']);
  });

  it('does not read a button nothing says collects data, nor a sign-in button', () => {
    expect(names('# Social features\n\nOur pages include social media features, such as Facepage "like" buttons. You can click one to tell friends about an article.')).toEqual([]);
    expect(names('# Accounts\n\nOur widgets include a Facepage sign-in button. These widgets may collect your IP address.')).toEqual([]);
  });
});
