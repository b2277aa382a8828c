import { subprocessorNames as names } from '../testing/subprocessor-names.js';

// "Our properties may also feature Ratingo proprietary measurement software, which will allow you to contribute to market
// research", "Streamit TV includes Ratingo's proprietary measurement software": a measurement company's software in the
// vendor's services collects the user's viewing there for that company, a recipient (README). Failed before: no cookie
// or tracking word, no provider noun, so the company was never read.
describe("a measurement company's software in the vendor's services", () => {
  it('names the company', () => {
    expect(names('# Research\n\nOur properties may also feature Ratingo proprietary measurement software, which will allow you to contribute to market research, such as Ratingo TV Ratings.')).toEqual(['Ratingo']);
    expect(names("# Research\n\nStreamit TV includes Ratingo's proprietary measurement software, which will allow users to contribute to market research.")).toEqual(['Ratingo']);
  });
  it('not software of no named company', () => {
    expect(names('# Research\n\nWe may include third-party measurement software in our services to enable market research.')).toEqual([]);
  });
});
