/**
 * SVG baking at the XML level: find the badge element(s) for extraction, and find what a baker has
 * to replace. Badge elements are matched by namespace URI and local name (like the 1EdTech
 * validator), whatever the prefix: `http://openbadges.org` (OB 2.0) or
 * `https://purl.imsglobal.org/ob/v3p0` (OB 3.0), local name `assertion` or `credential`.
 */
import { err, ok, type Result } from '../result';
import { SVG_NAMESPACE, SVG_PREFIX, type BakeVersion } from './types';
import {
  decodeAttribute,
  decodeCharData,
  normaliseLineEnds,
  scanXml,
  type NamespaceScope,
  type XmlAttr,
  type XmlFault,
  type XmlStartTag,
} from './xml';

export interface SvgBadge {
  prefix: string;
  local: string;
  /** The decoded `verify` attribute, if present. */
  verify: string | undefined;
  /** The element's character data (text and CDATA sections, descendants included), decoded. */
  body: string;
}

export interface SvgBadges {
  /** The first badge element of each version, in document order. */
  first: Partial<Record<BakeVersion, SvgBadge>>;
  count: Record<BakeVersion, number>;
}

/**
 * Which version a start tag is a badge element of, if any. An `assertion`/`credential` element whose
 * prefix is undeclared, or declared through a custom entity, is a fault rather than a miss: it is
 * plainly meant as a badge, and reading it would need a guess or an entity expansion.
 */
function badgeVersion(tag: XmlStartTag, scope: NamespaceScope): Result<BakeVersion | undefined, XmlFault> {
  if (tag.local !== 'assertion' && tag.local !== 'credential') return ok(undefined);
  const binding = scope.resolve(tag.prefix);
  if (binding.kind === 'unbound') return err({ code: 'CORRUPT_SVG', reason: 'unbound-prefix', offset: tag.start });
  if (binding.kind === 'entity') return err({ code: 'CUSTOM_ENTITY', name: binding.name, offset: tag.start });
  if (binding.kind !== 'uri') return ok(undefined);
  if (binding.uri === SVG_NAMESPACE['3.0']) return ok('3.0');
  if (binding.uri === SVG_NAMESPACE['2.0']) return ok('2.0');
  return ok(undefined);
}

export function findSvgBadges(text: string): Result<SvgBadges, XmlFault> {
  const found: SvgBadges = { first: {}, count: { '2.0': 0, '3.0': 0 } };
  // Elements whose character data is being collected (at most one per version, possibly nested).
  const captures: { badge: SvgBadge; depth: number; parts: string[] }[] = [];

  const fault = scanXml(text, {
    startTag(tag, scope) {
      const version = badgeVersion(tag, scope);
      if (!version.ok) return version.error;
      if (version.value === undefined) return undefined;
      found.count[version.value]++;
      if (found.first[version.value]) return undefined; // only the first of each version is read
      const verifyAttr = tag.attrs.find((a) => a.name === 'verify');
      const verify = verifyAttr && decodeAttribute(verifyAttr.raw, verifyAttr.valueStart);
      if (verify && !verify.ok) return verify.error;
      const badge: SvgBadge = { prefix: tag.prefix, local: tag.local, verify: verify?.value, body: '' };
      found.first[version.value] = badge;
      if (!tag.selfClosing) captures.push({ badge, depth: tag.depth, parts: [] });
      return undefined;
    },
    text(start, end) {
      if (captures.length === 0) return undefined;
      const decoded = decodeCharData(text.slice(start, end), start);
      if (!decoded.ok) return decoded.error;
      for (const capture of captures) capture.parts.push(decoded.value);
      return undefined;
    },
    cdata(start, end) {
      if (captures.length === 0) return undefined;
      const content = normaliseLineEnds(text.slice(start, end));
      for (const capture of captures) capture.parts.push(content);
      return undefined;
    },
    endTag(_start, _end, depth) {
      const capture = captures.at(-1);
      if (capture && depth === capture.depth) {
        capture.badge.body = capture.parts.join('');
        captures.pop();
      }
      return undefined;
    },
  });
  return fault ? err(fault) : ok(found);
}

export interface SvgBakePlan {
  root: XmlStartTag;
  /** The root's own `xmlns:openbadges` attribute, if any. */
  rootDeclaration: XmlAttr | undefined;
  /**
   * The namespace the root binds `openbadges` to, when it is not `namespace` and elements or
   * attributes outside the badge elements use it: re-declaring the prefix would move them.
   */
  conflict: string | undefined;
  /** Offsets `[start, end)` of every badge element (outermost ones), in document order. */
  badgeRanges: [number, number][];
}

/** Reads what baking an SVG with a badge in `namespace` has to change: the root start tag and the badge elements to remove. */
export function planSvgBake(text: string, namespace: string): Result<SvgBakePlan, XmlFault> {
  const seen: { root?: XmlStartTag; rootNamespace?: string; conflict?: string } = {};
  const badgeRanges: [number, number][] = [];
  // The badge element being skipped, by its depth.
  let inBadgeAt: number | undefined;

  const fault = scanXml(text, {
    startTag(tag, scope) {
      if (!seen.root) {
        seen.root = tag;
        const own = scope.resolve(SVG_PREFIX);
        if (own.kind === 'uri' && own.depth === 0 && own.uri !== namespace) seen.rootNamespace = own.uri;
      }
      if (inBadgeAt !== undefined) return undefined;
      const version = badgeVersion(tag, scope);
      if (!version.ok) return version.error;
      if (version.value !== undefined) {
        inBadgeAt = tag.depth;
        badgeRanges.push([tag.start, tag.end]);
        return undefined;
      }
      if (seen.rootNamespace !== undefined && (tag.prefix === SVG_PREFIX || tag.attrs.some((a) => a.name.startsWith(`${SVG_PREFIX}:`)))) {
        const binding = scope.resolve(SVG_PREFIX);
        if (binding.kind === 'uri' && binding.depth === 0) seen.conflict = seen.rootNamespace;
      }
      return undefined;
    },
    endTag(_start, end, depth) {
      if (depth === inBadgeAt) {
        const range = badgeRanges.at(-1);
        if (range) range[1] = end;
        inBadgeAt = undefined;
      }
      return undefined;
    },
  });
  if (fault) return err(fault);
  const { root, conflict } = seen;
  if (!root) return err({ code: 'CORRUPT_SVG', reason: 'no-root', offset: 0 }); // for the type checker: scanXml faults first
  const rootDeclaration = root.attrs.find((a) => a.name === `xmlns:${SVG_PREFIX}`);
  return ok({ root, rootDeclaration, conflict, badgeRanges });
}

/** An XML fault as the error both `extract` and `bake` report. */
export function faultToError(fault: XmlFault): { code: 'CORRUPT_SVG' | 'CUSTOM_ENTITY'; params: Record<string, string | number> } {
  return fault.code === 'CUSTOM_ENTITY'
    ? { code: 'CUSTOM_ENTITY', params: { name: fault.name, offset: fault.offset } }
    : { code: 'CORRUPT_SVG', params: { reason: fault.reason, offset: fault.offset } };
}
