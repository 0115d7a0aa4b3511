// UTF-16 surrogate pairs: offsets are code units (as VS Code counts), and no range may start or end
// between the two halves of one character outside the Basic Multilingual Plane (an emoji, say).

/** The first half of a surrogate pair (a UTF-16 code unit, 0xD800–0xDBFF). */
export const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;

/** The second half of a surrogate pair (a UTF-16 code unit, 0xDC00–0xDFFF). */
export const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** True when offset `at` (UTF-16 code units) falls between the two halves of one character. */
export function splitsSurrogatePair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isHighSurrogate(text.charCodeAt(at - 1)) && isLowSurrogate(text.charCodeAt(at));
}
