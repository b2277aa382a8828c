import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// README, subprocessors_named: the vendor itself is excluded, and a product is not an organisation receiving data. Two
// ways a document shows its own brand and products, with invented names.
describe("the vendor's own brand and products", () => {
  it('does not read the brand a policy sets apart from "non-W" offerings it does not cover', () => {
    const doc =
      '# Privacy Policy\n\nThis Policy does not apply to the non-Streamly products, services, websites, and applications that you may use through the Streamly platforms. ' +
      'This Privacy Policy does not apply to the other products that you may use or interact with through Streamly platforms.\n\n' +
      '## Sharing\n\nWe share viewing data with our measurement partner Ratingwise Inc.';
    expect(names(doc)).toEqual(['Ratingwise Inc']);
  });

  it('still reads a "non-W" brand when the policy does not say it leaves such offerings out', () => {
    const doc =
      '# Privacy Policy\n\nWe use Google Analytics, which collects data about your visits to our site and to non-Google websites.\n\n' +
      '## Sharing\n\nWe share usage data with our analytics provider Google Analytics.';
    expect(names(doc)).toEqual(['Google Analytics']);
  });

  it("does not read a feature written with the vendor's possessive", () => {
    const doc =
      '# Playzone Privacy Policy\n\nPlayzone collects gameplay data, and if you access games that use Playzone’s Stream Connect feature, the video and audio of your game, which we share with our hosting provider Nimbus Cloud, Inc.';
    expect(names(doc)).toEqual(['Nimbus Cloud, Inc.']);
  });
});
