import { subprocessorNames as names } from '../testing/subprocessor-names.js';

// Affiliates outside "we" named in the group's definition and passed data by the group's collective name (OTA README:
// subprocessors_named "Includes affiliates outside the document's own definition of 'we'").
describe('members of a collectively named group that the document passes data to', () => {
  const definition = '# Introduction\n\nThis policy covers the Orbitel services. We are part of the Orbitel family of companies, which includes Nimbus Media, Skyfold, and others ("Our Related Businesses").\n\n';

  it('reads the members when personal information is disclosed to the alias', () => {
    const md = definition + '# Sharing\n\nWe may disclose your personal information, including information that identifies you, to Our Related Businesses for the purposes described here.\n';
    expect(names(md).sort()).toEqual(['Nimbus Media', 'Skyfold']);
  });

  it('does not read them when no sentence passes data to the alias', () => {
    const md = definition + '# Sharing\n\nOur Related Businesses have privacy policies of their own.\n';
    expect(names(md)).toEqual([]);
  });

  it('does not read them when the disclosure to the alias is denied', () => {
    const md = definition + '# Sharing\n\nWe do not disclose your personal information to Our Related Businesses.\n';
    expect(names(md)).toEqual([]);
  });
});
