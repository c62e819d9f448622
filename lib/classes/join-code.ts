// Join codes are read aloud and copied from a projector: no 0/O or 1/I to confuse. No Node
// imports here: the browser formats codes with the same rules.
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;

/** Upper-cases and drops spaces and dashes, so "abcd-efgh" finds ABCDEFGH. */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, "");
}

/** ABCD-EFGH: easier to read out than eight letters in a row. */
export function formatJoinCode(code: string): string {
  return code.length === JOIN_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
