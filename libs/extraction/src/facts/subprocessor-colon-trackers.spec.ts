import { orbitalPage, sortedSubprocessorNames as names } from '../testing/subprocessor-names.js';

// A section about third-party cookies that gives each provider a line of its own opened by its name and a colon, the
// description run in or on the next line ("**Statwise:** Performance cookies that …", "**Adsmith :**" then "Adsmith lets us
// …"): each provider titles the description of its cookies, as a provider cell of a cookie table or the title of a paragraph
// does (subprocessor-titled-trackers.ts). Failed before: only a title alone on the first line of its own paragraph was read,
// so a run of "Name: description" lines in one paragraph named nobody.
describe('providers titling lines of a cookie section with a colon', () => {
  it('reads each provider, the description run in or on the next line', () => {
    const page = orbitalPage(
      '## Third-party cookies',
      '',
      'Our partners set the following cookies on our site.',
      '',
      '**Statwise:** Performance cookies that let us measure our audience.  ',
      '**Adsmith :**  ',
      'Adsmith lets us show you ads based on your interests and measure their reach.  ',
      '**Pixelon:** Pixelon sets a cookie to personalise the ads you see.',
    );
    expect(names(page)).toEqual(['Adsmith', 'Pixelon', 'Statwise']);
  });

  it('not a line of instructions, of a cookie attribute, of a kind of cookie, or outside a section about cookies', () => {
    expect(names(orbitalPage('## Cookies', '', 'We use cookies on our site.', '', '**Firefox:** To block cookies in Firefox, open the settings.  ', '**Duration:** 24 hours  ', '**Analytics cookies:** These cookies count visits.'))).toEqual([]);
    expect(names(orbitalPage('## Contact', '', '**Statwise:** Statwise is our office in Lyon.'))).toEqual([]);
    // A line titled by what the vendor's own cookies are for.
    expect(names(orbitalPage('## Cookies', '', 'Our cookies fall into these groups.', '', 'Member Forum: We use cookies that keep you signed in to the forum.  ', 'Job Board: We use cookies to run the job board.'))).toEqual([]);
  });
});
