import { orbitalPage, sortedSubprocessorNames } from '../testing/subprocessor-names.js';

const names = sortedSubprocessorNames;

// The vendor's own offerings and entities, read as recipients before (README: the vendor is not its own sub-processor).
describe('the vendor under the names of its own offerings', () => {
  it('leaves out the entity that provides the document\'s defined "Services"', () => {
    const md = orbitalPage(
      'We offer websites and apps, collectively “Services.”',
      '',
      'Orbital Inc. is also the controller for some of the processing activities related to Services provided by Starlane Ireland Ltd.',
      '',
      'We share your data with providers that help us provide our Services, such as Cloudy GmbH.',
    );
    expect(names(md)).toEqual(['Cloudy GmbH']);
  });

  it('still reads a company that provides a product\'s "Services" or other things', () => {
    expect(names(orbitalPage('We offer websites and apps, collectively “Services.”', '', 'Our site runs on Nimbus Web Services provided by Nimbus Cloud Ltd.'))).toEqual(['Nimbus Cloud Ltd']);
    expect(names(orbitalPage('We offer websites and apps, collectively “Services.”', '', 'Our hosting provider stores your data on servers provided by Nimbus Cloud Ltd.'))).toEqual(['Nimbus Cloud Ltd']);
  });

  it('leaves out the products the policy says it covers as the vendor\'s own', () => {
    const md = orbitalPage(
      'This Privacy Policy applies to information that we collect about you when you use:',
      '',
      '*   Our websites (including orbital.example, longtrips.example and travelnotes.example);',
      '*   Our other products (for example, Trip Planner, the Pay with Paystride block, and Orbital CRM).',
      '',
      'You may sign up for a newsletter like the one we send through Longtrips.',
      'If you are a customer we may add you to our customer relationship database (powered by Trip Planner!).',
      'We share payment data with our payment processor Paystride.',
    );
    expect(names(md)).toEqual(['Paystride']);
  });

  it('leaves out a tool the vendor calls its own as the subject of tracking', () => {
    expect(names(orbitalPage('## Cookies', '', 'Our Shopkeep Usage Tracker also tracks information like your email address. Statwise also tracks your visits with a cookie.'))).toEqual(['Statwise']);
  });
});

// Review of the readings above: each must leave a third party named in the same shape alone.
describe('third parties named in the shapes of the vendor\'s own offerings', () => {
  const services = 'We offer websites and apps (collectively, the “Services”).';

  it('reads a company that provides a part of the Services, the subject of "is provided by"', () => {
    expect(names(orbitalPage(services, '', 'Payment processing for the Services is provided by Paystride, Inc.'))).toEqual(['Paystride, Inc.']);
    expect(names(orbitalPage(services, '', 'Customer support for the Service is provided by Helpdeskly Inc.'))).toEqual(['Helpdeskly Inc']);
    expect(names(orbitalPage(services, '', 'Some of our Services are provided by Paystride Europe Ltd, which receives your card details.'))).toEqual(['Paystride Europe Ltd']);
  });

  it('reads the platforms of a scope entry about the vendor\'s integrations with others', () => {
    const md = orbitalPage(
      'This Privacy Policy applies to information that we collect about you when you use:',
      '',
      '*   Our websites (including orbital.example);',
      '*   Our integrations with other platforms (for example, Chatterly and Ticketdesk).',
      '',
      'We share your support requests with Ticketdesk and Paystride.',
    );
    expect(names(md)).toEqual(['Paystride', 'Ticketdesk']);
  });

  it('reads a tag the vendor calls its own but that is named for its maker', () => {
    expect(names(orbitalPage('## Cookies', '', 'Our Adverto Pixel also tracks information like your email address.'))).toEqual(['Adverto Pixel']);
  });
});
