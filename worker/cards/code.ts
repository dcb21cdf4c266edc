import { CARD_CODE_ALPHABET } from './inputs';

/** A fresh public card code: 5 random characters from an alphabet without look-alikes (~28 million codes). */
export function newCardCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  // 256 is not a multiple of 31: 8 of the 31 characters come up 9 times in 256 instead of 8. Harmless for codes that only need to be unique and hard to guess.
  return [...bytes].map((b) => CARD_CODE_ALPHABET[b % CARD_CODE_ALPHABET.length]).join('');
}
