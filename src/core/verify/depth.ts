/**
 * How deep untrusted JSON may nest before it is refused (TOO_DEEP): every place where a document
 * from a badge or an issuer's server enters verification checks it, so that nothing recursive
 * (JSON.stringify, jsonld, canonicalisation) meets a document deep enough to blow the stack.
 */

/** Levels of arrays/objects a badge or an issuer document may have. */
export const MAX_DEPTH = 64;

/** Deeper than `max` levels of arrays/objects (iterative: a hostile document cannot blow the stack). */
export function tooDeep(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  let visited = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return true;
    if (++visited > 200_000) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
