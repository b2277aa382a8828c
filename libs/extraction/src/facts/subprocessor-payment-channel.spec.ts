import { sortedSubprocessorNames as names } from '../testing/subprocessor-names.js';

// A party named as the way payments are made ("payable via Paystride", "the payment services of Quickpay and Tillhub",
// "purchases made using Paylane as a payment method") handles the payer's payment details for the vendor: a payment
// processor, a recipient (README conventions; the labels take Stripe, PayPal, Klarna named so). Failed before: only
// "through <Name>" and "processed by <Name>" were read, so a processor named after "via", "using", "pay with" or "the
// payment services of" was never read.
describe('a payment processor named as the way payments are made', () => {
  it('reads the processor after "via", "using", "pay with" and "the payment services of"', () => {
    expect(names('# Fees\n\nPayment is due at the start of each month, payable securely via Paystride (www.paystride.example).')).toEqual(['Paystride']);
    expect(names('# Checkout\n\nYou can use the payment services of Quickpay, Tillhub and Paylane without your card details being stored in your account.')).toEqual(['Paylane', 'Quickpay', 'Tillhub']);
    expect(names('# Orders\n\nPurchases made on our store using Paylane as a payment method are handled by Paylane.')).toEqual(['Paylane']);
    expect(names('# Orders\n\nAt checkout you can pay with Quickpay or by bank transfer.')).toEqual(['Quickpay']);
    expect(names('# Orders\n\nWe keep no card data; Purchases made on our store using Paylane are handled by Paylane.')).toEqual(['Paylane']);
  });

  it('not a card scheme or a means of payment, nor an app store, nor a payment the user makes elsewhere', () => {
    // README (the Google Pay labels): card networks and issuers are the user's own providers, not the vendor's recipients.
    expect(names('# Orders\n\nYou can pay with Visa, Mastercard or American Express.')).toEqual([]);
    expect(names('# Orders\n\nSubscriptions are payable via SEPA Direct Debit or Bank Transfer.')).toEqual([]);
    expect(names('# Orders\n\nIn-app purchases are payable via the Google Play Store.')).toEqual([]);
    // A lower-case word after the verb is no name ("pay via our website").
    expect(names('# Orders\n\nYou can pay via our website or in one of our stores.')).toEqual([]);
    // A feature named after paying ("the Pay with Quickpay block") is a product's title, not a clause about paying.
    expect(names('# Sites\n\nVisitors can send you money through the Pay with Quickpay block on your site.')).toEqual([]);
    // The payer's own choice of service, not the vendor's channel.
    expect(names('# Payouts\n\nYou may receive a payment from a payer using the Sendwell services.')).toEqual([]);
    // A refusal names no recipient.
    expect(names('# Orders\n\nWe do not accept payments via Quickpay.')).toEqual([]);
  });

  it('not a currency paid with, nor the channel of a payment made to another party', () => {
    // A unit of value is what is paid, not who takes the payment: a cryptocurrency, a virtual currency, the vendor's credits.
    expect(names('# Wallet\n\nYou can pay with Bitcoin or Ether at checkout.')).toEqual([]);
    expect(names('# Wallet\n\nYou can pay with Starcoins, our virtual currency, for any item in the shop.')).toEqual([]);
    expect(names('# Orders\n\nPurchases made using Orbital Credits are final.')).toEqual([]);
    // The buyer pays a seller or another member: the channel is theirs, a party the user deals with (README).
    expect(names('# Orders\n\nSellers set their own terms: a buyer may pay with Quickpay if the seller accepts it.')).toEqual([]);
    expect(names('# Orders\n\nWhen you rent from another member, you pay with Quickpay directly to that member.')).toEqual([]);
    // The vendor's own channel stays, whatever else the sentence says.
    expect(names('# Orders\n\nAt checkout you can pay with Quickpay and earn points.')).toEqual(['Quickpay']);
    expect(names('# Orders\n\nYou can pay with Quickpay; the seller then ships your order.')).toEqual(['Quickpay']);
  });
});
