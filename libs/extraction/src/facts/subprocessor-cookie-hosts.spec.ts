import { extractFacts } from '../extract-facts.js';
import { loadMarkdown } from '../loaders/markdown-loader.js';

/** Sub-processor names of a Markdown text, with every quote checked verbatim at its offsets. */
function names(md: string): string[] {
  const doc = loadMarkdown(md);
  const f = extractFacts(doc.text, { sections: doc.sections, links: doc.links }).facts.subprocessors_named;
  for (const e of [...f.evidence, ...(f.review ?? []).flatMap((c) => c.evidence)]) expect(doc.text.slice(e.start, e.end)).toBe(e.quote);
  return ((f.value as string[]) ?? []).slice().sort();
}

const notice = (header: string, rows: string[]): string =>
  ['# Orbital cookie notice', '', 'Orbital uses the cookies listed below on its websites.', '', '## Targeting cookies', '', header, `|${' --- |'.repeat(header.split('|').length - 2)}`, ...rows, ''].join('\n');

describe('sub-processors as the web hosts of a cookie table', () => {
  it('reads the host of each row marked third party, as the table writes it', () => {
    const md = notice('| Cookie | Host | Used as |', [
      '| sess | orbital.example | First Party |',
      '| pref | help.orbital.example | First Party |',
      '| sw_ab | sitemetrics.example | First Party |',
      '| ad_id | [adgrid.example](https://cookies.example/host/adgrid.example) | Third Party |',
      '| ad_sync | sync.adgrid.example | Third Party |',
      '| chirp_id | www.chirper.example | 3rd Party |',
      '| cf_bm | cdn.orbital.example | 3rd Party |',
    ]);
    // A subdomain is its listed parent; "www." names the same site; the service's own hosts and first-party rows name no one.
    expect(names(md)).toEqual(['adgrid.example', 'chirper.example']);
  });

  it('leaves out the sites the first-party rows list as the service\'s own', () => {
    const md = notice('| Domain | Cookies | Used as |', [
      '| orbital.example, orbitalnews.example, stargaze.example | sess, pref | 1st Party |',
      '| stargaze.example | cf_bm | 3rd Party |',
      '| api.orbitalnews.example | cf_bm | 3rd Party |',
      '| vidstream.example | vid | 3rd Party |',
    ]);
    expect(names(md)).toEqual(['vidstream.example']);
  });

  it('reads a host under a column titled for who sets the cookie, but not a link to an opt-out page', () => {
    const md = notice('| Cookie | Set by | Purpose | Opt out |', [
      '| _ob | .orbital.example | Keeps you signed in. | |',
      '| IDE | .adgrid.example | Shows ads on other sites. | optout.adgrid.example |',
      '| lang | Cookie | Remembers your language. | |',
    ]);
    expect(names(md)).toEqual(['adgrid.example']);
  });

  it('does not read an unmarked column of where cookies are stored, beside a column naming the party', () => {
    const md = notice('| Cookie | Domain | Purpose | Platform |', ['| _sw | .orbital.example | Counts visits. | Statwise |', '| bcookie | .chirper.example | Tracks embeds. | Chirper |']);
    expect(names(md)).not.toContain('chirper.example');
  });

  it('reads a web host in a provider column, the vendor\'s own left out', () => {
    const md = notice('| Name | Provider | Purpose |', ['| _ob | orbital.example | Keeps you signed in. |', '| IDE | .adgrid.example | Shows ads on other sites. |']);
    expect(names(md)).toEqual(['adgrid.example']);
  });

  it('leaves out the site the prose calls its own, in cells that repeat their column title', () => {
    const md = notice('| Name | Provider | Purpose |', [
      '| Name<br><br>_sg | Provider<br><br>stargaze.example | Purpose<br><br>Keeps you signed in. |',
      '| Name<br><br>IDE | Provider<br><br>adgrid.example | Purpose<br><br>Shows ads on other sites. |',
    ]).replace('on its websites.', 'on the stargaze.example website.');
    expect(names(md)).toEqual(['adgrid.example']);
  });

  it('reads no host of a row that says its cookie holds no personal information', () => {
    const md = notice('| Cookie | Host | Used as | Notes |', ['| lb | balancer.example | Third Party | This cookie does not store any personal information. |']);
    expect(names(md)).toEqual([]);
  });

  it('does not take a cookie name that looks like a host ("connect.sid") for the host that sets it', () => {
    const md = notice('| Cookie | Host | Used as |', ['| sess | orbital.example | First Party |', '| connect.sid | chat.chirper.example | Third Party |', '| ad_id | adgrid.example | Third Party |']);
    expect(names(md)).toEqual(['adgrid.example', 'chat.chirper.example']);
  });

  it('reads a third party whose host only begins with the vendor\'s name or a role the text gives it', () => {
    const md = notice('| Cookie | Host | Used as |', ['| sess | orbital.example | First Party |', '| _sa | srv.stackadapt.com | Third Party |', '| _dbid | company-target.com | Third Party |', '| img | orbitalcdn.example | Third Party |'])
      .replace('# Orbital cookie notice', '# Orbital cookie notice\n\nThis site is run by Stack Orbital, Inc. ("Stack", "Company", "we").');
    // "orbitalcdn" is the vendor's name and a word for where a service keeps its files: its own host.
    expect(names(md)).toEqual(['company-target.com', 'srv.stackadapt.com']);
  });

  it('does not take a third party\'s domain the prose names ("the doubleclick.net domain") for the service\'s own site', () => {
    const md = notice('| Cookie | Host | Used as |', ['| sess | orbital.example | First Party |', '| IDE | .doubleclick.net | Third Party |']).replace(
      'on its websites.',
      'on its websites. Google sets its advertising cookies on the doubleclick.net domain.',
    );
    expect(names(md)).toEqual(['doubleclick.net']);
  });
});
