import { subprocessorNames as names } from '../testing/subprocessor-names.js';

// "On iOS, we use Apple’s TrueDepth camera to improve the quality of Lenses." (Snapchat): a part of the user's device
// the vendor's app uses is no organisation receiving data.
describe('a named part of the user\'s device', () => {
  it('is not a recipient', () => {
    expect(names('# Camera\n\nOn iOS, we use Pearware’s DepthSense camera to improve the quality of filters.\n')).toEqual([]);
    expect(names('# Sensors\n\nWe use the Motionix sensor in your phone to count steps.\n')).toEqual([]);
  });
  it('while a provider named before another noun still is', () => {
    expect(names('# Security\n\nWe use Pearware’s Invisible Shield service to protect our forms, and it receives your IP address.\n')).toEqual(['Invisible Shield']);
  });
});

// "Atlassian, Inc. and its U.S. subsidiaries (Atlassian Network Service, Inc., Dogwood Labs, Inc., AgileCraft LLC, …)
// adhere to the Data Privacy Framework Principles regarding … personal data that is transferred from the EU" (Atlassian):
// the entities certifying under a framework are the vendor's group speaking for itself, not recipients.
describe('the vendor\'s group named as adhering to a framework', () => {
  it('is not a recipient', () => {
    const out = names('# Transfers\n\nQuillora, Inc. and its U.S. subsidiaries (Quillora Network Service, Inc., Heronlabs, Inc., and Tarnwick LLC) adhere to the Data Privacy Framework Principles regarding the collection, use, and retention of personal data that is transferred from the European Union to the United States.\n');
    expect(out).toEqual([]);
  });
  it('while affiliates personal data is shared with are', () => {
    const out = names('# Sharing\n\nWe share personal data with our subsidiaries (Quillora Network Service, Inc. and Heronlabs, Inc.) to provide support.\n');
    expect(out.some((n) => n.startsWith('Heronlabs'))).toBe(true);
  });
});
