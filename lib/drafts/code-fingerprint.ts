/**
 * A short, stable fingerprint of some code (FNV-1a, 32 bits, plus the length): enough to tell
 * whether the server holds a save this browser sent, without storing the code twice. Not a
 * security boundary: a collision only decides which copy shows first, and the other stays one
 * undo step back.
 */
export function codeFingerprint(code: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    hash ^= code.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(36)}.${code.length.toString(36)}`;
}
