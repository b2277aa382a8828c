import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

describe('the agent after the noun of collecting, in a sentence about analytics or tracking', () => {
  it('is the party that collects the data ("the collection of certain information by X")', () => {
    expect(names('# Your choices\n\nSome analytics providers offer opt-out tools. For example, you may manage the use and collection of certain information by Statwise Analytics via the Statwise opt-out add-on.')).toEqual(['Statwise Analytics']);
  });

  it('names no one where the collection is denied, has no named agent, or is not about data', () => {
    expect(names('# Analytics\n\nWe do not allow the collection of information by Statwise Analytics on our pages.')).toEqual([]);
    expect(names('# Analytics\n\nWe limit the collection of information by third parties on our pages.')).toEqual([]);
    expect(names('# Analytics\n\nThe collection of stamps by Statwise Analytics staff is a hobby.')).toEqual([]);
  });
});
