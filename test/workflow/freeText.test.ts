import { describe, expect, it } from 'vitest';
import { checkFreeText, identifyingDetailIn } from '../../workflow/freeText.js';

/** Free text goes into cards, logs and exports: a child's or family's details must not. */
describe('identifying details in free text', () => {
  it.each([
    ['Child DOB 03/04/2019 was harmed', 'a date of birth'],
    ['born March 4 2019', 'a date of birth'],
    ['seen on 2019-03-04 at home', 'a date (it could be a date of birth)'],
    ['on 4th March 2019', 'a date (it could be a date of birth)'],
    ['on March 4, 2019', 'a date (it could be a date of birth)'],
    ['Concerns raised by Mrs Hughes', 'a name'],
    ['Baby Jayden was found unresponsive', 'a name'],
    ['his brother Tyler told school', 'a name'],
    ['Jayden Smith (4) was found', 'a name'],
    ['Jayden, aged 4, was found', 'a name'],
    ['the child called Amy', 'a name'],
    ['lives at 12 Acacia Avenue', 'an address'],
    ['incident at PO30 1UD', 'a postcode (an address)'],
    ['NHS number 943 476 5919', 'an NHS number'],
  ])('finds %j: %s', (text, problem) => {
    expect(identifyingDetailIn(text)).toBe(problem);
  });

  it.each([
    'Serious harm in the area while looked after; neglect is suspected. Criteria met.',
    'The child Protection Plan was in place; Children In Need review due.',
    'Police, Health and Children\'s Social Care agree the threshold is met.',
    'The mother was not known to services; the brother was at school.',
    'Designated Nurse view: agree. Seen by the GP twice in May.',
    'We do not think abuse or neglect is suspected on what we know.',
  ])('lets through ordinary professional text: %j', (text) => {
    expect(identifyingDetailIn(text)).toBeUndefined();
  });

  it('says what to fix in words the user can act on', () => {
    expect(checkFreeText('rationale', 'Baby Jayden was harmed', { required: true })?.message).toBe(
      'The rationale seems to contain a name. Cards and records carry only the case reference: please remove any name, date of birth or address of the child or family.',
    );
    expect(checkFreeText('comment', '', { required: false })).toBeUndefined();
    expect(checkFreeText('rationale', '  ', { required: true })?.message).toBe('Please give a rationale.');
  });
});
