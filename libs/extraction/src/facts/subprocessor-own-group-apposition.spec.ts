import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// A policy whose "we" takes in the vendor's subsidiaries: the subsidiaries listed right after "its subsidiaries" are
// "us", not recipients (README). Failed before: the definition of "we" that "provides access to" the vendor's sites was
// read as passing data on (so not as a definition), and only examples after "such as" counted as the group's.
const page = (line: string): string =>
  [
    '# Orbital privacy policy',
    '',
    'Orbital, LLC, with its affiliates and its subsidiaries (collectively, “Orbital”, “us”, “our” or “we”), owns, operates, or provides access to several websites.',
    '',
    line,
    '',
  ].join('\n');

describe('subsidiaries listed right after "its subsidiaries" when "we" takes the group in', () => {
  it('are "us"', () => {
    expect(names(page('Orbital, LLC and its U.S. subsidiaries Starcast Media, Inc., Orbit Labs, LLC and Bluebird, Inc. participate in and have certified its compliance with the E.U.-U.S. Privacy Shield Framework.'))).toEqual([]);
  });

  it('but not those of another company the text names (failed on BR: any "its subsidiaries" was read as the vendor\'s)', () => {
    expect(names(page('We use analytics provided by Alphabay Inc. and its subsidiaries Goggle LLC and Goggle Ireland Limited.')).slice().sort()).toEqual(['Alphabay Inc.', 'Goggle Ireland Limited', 'Goggle LLC']);
  });

  it('while a provider named beside the group stays a recipient', () => {
    expect(names(page('We share your data with our subsidiaries and service providers, such as Cloudy GmbH for hosting.'))).toEqual(['Cloudy GmbH']);
  });
});
