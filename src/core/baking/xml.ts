/**
 * A small, linear-time, namespace-aware XML scanner (the core has no DOMParser).
 *
 * It reports start tags, end tags, character data and CDATA sections, with their offsets in the
 * text, and checks well-formedness where the baking code depends on it (nesting, one root, closed
 * markup, quoted attributes). It never expands entities: the DOCTYPE is skipped unread, and only the
 * five predefined entities and numeric character references are decoded, on demand
 * (`decodeCharData`, `decodeAttribute`). Comments, CDATA sections, processing instructions and the
 * DOCTYPE hide whatever looks like markup inside them.
 *
 * Every delimiter is found with `indexOf` or a single forward pass, so the cost is linear in the
 * length of the text whatever it contains.
 */
import { err, ok, type Result } from '../result';
import type { CorruptSvgReason } from './types';

export type XmlFault =
  | { code: 'CORRUPT_SVG'; reason: CorruptSvgReason; offset: number }
  | { code: 'CUSTOM_ENTITY'; name: string; offset: number };

export interface XmlAttr {
  /** Qualified name as written. */
  name: string;
  /** Raw value, entities not decoded. */
  raw: string;
  /** Offsets of the value between its quotes. */
  valueStart: number;
  valueEnd: number;
}

export interface XmlStartTag {
  /** Qualified name as written, `prefix:local` or `local`. */
  name: string;
  prefix: string;
  local: string;
  attrs: XmlAttr[];
  /** Offset of `<` and offset just after `>`. */
  start: number;
  end: number;
  selfClosing: boolean;
  /** 0 for the root element. */
  depth: number;
}

/** What a prefix means at a point of the document. `depth` is that of the element that declared it. */
export type NsBinding =
  | { kind: 'uri'; uri: string; depth: number }
  | { kind: 'none' } // empty prefix with no default namespace in scope
  | { kind: 'unbound' } // a prefix that no xmlns:prefix declares
  | { kind: 'entity'; name: string }; // declared with a custom entity, which is never expanded

export interface NamespaceScope {
  resolve(prefix: string): NsBinding;
}

/** Returning a fault stops the scan with it; returning `'stop'` ends the scan without one. */
export interface XmlHandler {
  startTag?(tag: XmlStartTag, scope: NamespaceScope): XmlFault | 'stop' | undefined;
  /** `start` is the offset of the start tag's `<`; `end` is just after the end tag's `>`. */
  endTag?(start: number, end: number, depth: number): XmlFault | undefined;
  /** Character data between `start` and `end`, raw (entities not decoded). */
  text?(start: number, end: number): XmlFault | undefined;
  /** Content of a CDATA section. */
  cdata?(start: number, end: number): XmlFault | undefined;
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const NONE: NsBinding = { kind: 'none' };
const UNBOUND: NsBinding = { kind: 'unbound' };

const corrupt = (reason: CorruptSvgReason, offset: number): XmlFault => ({ code: 'CORRUPT_SVG', reason, offset });

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** Characters that end a name: white space and `/ > = < " ' &`. */
const endsName = (c: number): boolean =>
  isSpace(c) || c === 0x2f || c === 0x3e || c === 0x3d || c === 0x3c || c === 0x22 || c === 0x27 || c === 0x26;

/** Scans the whole text (or up to `'stop'`); returns the first fault, if any. */
export function scanXml(text: string, handler: XmlHandler): XmlFault | undefined {
  const n = text.length;
  const bindings = new Map<string, NsBinding[]>([['xml', [{ kind: 'uri', uri: XML_NAMESPACE, depth: -1 }]]]);
  const scope: NamespaceScope = {
    resolve: (prefix) => bindings.get(prefix)?.at(-1) ?? (prefix === '' ? NONE : UNBOUND),
  };
  const open: { name: string; start: number; declared: string[] }[] = [];
  let rootSeen = false;
  let pos = 0;

  const popBindings = (declared: readonly string[]): void => {
    for (const prefix of declared) bindings.get(prefix)?.pop();
  };

  while (pos < n) {
    const lt = text.indexOf('<', pos);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > pos) {
      if (open.length === 0) {
        for (let i = pos; i < textEnd; i++) if (!isSpace(text.charCodeAt(i))) return corrupt('outside-root', i);
      } else {
        const fault = handler.text?.(pos, textEnd);
        if (fault) return fault;
      }
    }
    if (lt === -1) break;

    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close === -1) return corrupt('unterminated', lt);
      pos = close + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      if (open.length === 0) return corrupt('outside-root', lt);
      const close = text.indexOf(']]>', lt + 9);
      if (close === -1) return corrupt('unterminated', lt);
      const fault = handler.cdata?.(lt + 9, close);
      if (fault) return fault;
      pos = close + 3;
    } else if (text.startsWith('<?', lt)) {
      const close = text.indexOf('?>', lt + 2);
      if (close === -1) return corrupt('unterminated', lt);
      pos = close + 2;
    } else if (text.startsWith('<!DOCTYPE', lt)) {
      if (rootSeen) return corrupt('syntax', lt);
      const after = skipDoctype(text, lt + 9);
      if (after === -1) return corrupt('unterminated', lt);
      pos = after;
    } else if (text.startsWith('</', lt)) {
      let i = lt + 2;
      while (i < n && !endsName(text.charCodeAt(i))) i++;
      const name = text.slice(lt + 2, i);
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      if (i >= n) return corrupt('unterminated', lt);
      if (text.charCodeAt(i) !== 0x3e) return corrupt('syntax', i);
      const frame = open.pop();
      if (!frame || frame.name !== name) return corrupt('mismatched-tag', lt);
      const fault = handler.endTag?.(frame.start, i + 1, open.length);
      if (fault) return fault;
      popBindings(frame.declared);
      pos = i + 1;
    } else if (text.startsWith('<!', lt)) {
      return corrupt('syntax', lt);
    } else {
      if (rootSeen && open.length === 0) return corrupt('outside-root', lt);
      const parsed = parseStartTag(text, lt, open.length);
      if (!parsed.ok) return parsed.error;
      const tag = parsed.value;
      rootSeen = true;
      const declared: string[] = [];
      for (const attr of tag.attrs) {
        const prefix = attr.name === 'xmlns' ? '' : attr.name.startsWith('xmlns:') ? attr.name.slice(6) : undefined;
        if (prefix === undefined) continue;
        const binding = declaredBinding(prefix, attr, tag.depth);
        const stack = bindings.get(prefix);
        if (stack) stack.push(binding);
        else bindings.set(prefix, [binding]);
        declared.push(prefix);
      }
      const verdict = handler.startTag?.(tag, scope);
      if (verdict === 'stop') return undefined;
      if (verdict) return verdict;
      if (tag.selfClosing) {
        const fault = handler.endTag?.(tag.start, tag.end, tag.depth);
        if (fault) return fault;
        popBindings(declared);
      } else {
        open.push({ name: tag.name, start: tag.start, declared });
      }
      pos = tag.end;
    }
  }
  if (open.length > 0) return corrupt('unclosed-element', n);
  if (!rootSeen) return corrupt('no-root', n);
  return undefined;
}

/** What an `xmlns` / `xmlns:prefix` attribute binds. An empty value undeclares (XML Namespaces 1.1 style). */
function declaredBinding(prefix: string, attr: XmlAttr, depth: number): NsBinding {
  const value = decodeAttribute(attr.raw, attr.valueStart);
  if (!value.ok) return value.error.code === 'CUSTOM_ENTITY' ? { kind: 'entity', name: value.error.name } : UNBOUND;
  if (value.value === '') return prefix === '' ? NONE : UNBOUND;
  return { kind: 'uri', uri: value.value, depth };
}

/** Parses `<name attr="v" …>` or `…/>` starting at `lt`. */
function parseStartTag(text: string, lt: number, depth: number): Result<XmlStartTag, XmlFault> {
  const n = text.length;
  let i = lt + 1;
  while (i < n && !endsName(text.charCodeAt(i))) i++;
  const name = text.slice(lt + 1, i);
  if (name === '') return err(corrupt('syntax', lt));
  const qname = splitQName(name);
  if (!qname) return err(corrupt('bad-name', lt));
  const attrs: XmlAttr[] = [];
  const seen = new Set<string>();
  for (;;) {
    const wsStart = i;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) return err(corrupt('unterminated', lt));
    const c = text.charCodeAt(i);
    if (c === 0x3e) {
      return ok({ name, ...qname, attrs, start: lt, end: i + 1, selfClosing: false, depth });
    }
    if (c === 0x2f) {
      if (text.charCodeAt(i + 1) !== 0x3e) return err(corrupt('syntax', i));
      return ok({ name, ...qname, attrs, start: lt, end: i + 2, selfClosing: true, depth });
    }
    if (i === wsStart) return err(corrupt('syntax', i)); // attributes are separated by white space
    const nameStart = i;
    while (i < n && !endsName(text.charCodeAt(i))) i++;
    const attrName = text.slice(nameStart, i);
    if (attrName === '' || seen.has(attrName)) return err(corrupt('syntax', nameStart));
    if (!splitQName(attrName)) return err(corrupt('bad-name', nameStart));
    seen.add(attrName);
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 0x3d) return err(corrupt(i >= n ? 'unterminated' : 'syntax', i));
    i++;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") return err(corrupt(i >= n ? 'unterminated' : 'syntax', i));
    const close = text.indexOf(quote, i + 1);
    if (close === -1) return err(corrupt('unterminated', lt));
    const raw = text.slice(i + 1, close);
    if (raw.includes('<')) return err(corrupt('syntax', i + 1));
    attrs.push({ name: attrName, raw, valueStart: i + 1, valueEnd: close });
    i = close + 1;
  }
}

function splitQName(name: string): { prefix: string; local: string } | undefined {
  const colon = name.indexOf(':');
  if (colon === -1) return { prefix: '', local: name };
  const prefix = name.slice(0, colon);
  const local = name.slice(colon + 1);
  return prefix === '' || local === '' || local.includes(':') ? undefined : { prefix, local };
}

/** Offset just after the DOCTYPE declaration whose keyword ends at `from`, or -1 if it never ends. */
function skipDoctype(text: string, from: number): number {
  let inSubset = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = text.indexOf(c, i + 1);
      if (i === -1) return -1;
    } else if (inSubset && text.startsWith('<!--', i)) {
      i = text.indexOf('-->', i + 4);
      if (i === -1) return -1;
      i += 2;
    } else if (inSubset && text.startsWith('<?', i)) {
      i = text.indexOf('?>', i + 2);
      if (i === -1) return -1;
      i += 1;
    } else if (c === '[') {
      inSubset = true;
    } else if (c === ']') {
      inSubset = false;
    } else if (c === '>' && !inSubset) {
      return i + 1;
    }
  }
  return -1;
}

const PREDEFINED: ReadonlyMap<string, string> = new Map([['lt', '<'], ['gt', '>'], ['amp', '&'], ['quot', '"'], ['apos', "'"]]);

/**
 * Character data as an XML processor delivers it: line ends normalised to `\n`, the five predefined
 * entities and numeric character references decoded. Any other entity is refused, never expanded.
 * `offset` is where `raw` starts in the document, for fault offsets.
 */
export function decodeCharData(raw: string, offset: number): Result<string, XmlFault> {
  return decodeReferences(normaliseLineEnds(raw), offset);
}

/** An attribute value after XML attribute-value normalisation (raw white space → space) and decoding. */
export function decodeAttribute(raw: string, offset: number): Result<string, XmlFault> {
  return decodeReferences(raw.replace(/\r\n|[\t\n\r]/g, ' '), offset);
}

export function normaliseLineEnds(raw: string): string {
  return raw.replace(/\r\n?/g, '\n');
}

function decodeReferences(raw: string, offset: number): Result<string, XmlFault> {
  let out = '';
  let i = 0;
  for (;;) {
    const amp = raw.indexOf('&', i);
    if (amp === -1) return ok(out + raw.slice(i));
    out += raw.slice(i, amp);
    let j = amp + 1;
    if (raw[j] === '#') {
      const hex = raw[j + 1] === 'x';
      j += hex ? 2 : 1;
      const digitsStart = j;
      while (j < raw.length && isDigit(raw.charCodeAt(j), hex)) j++;
      if (j === digitsStart || raw[j] !== ';') return err(corrupt('ampersand', offset + amp));
      const codePoint = parseInt(raw.slice(digitsStart, j), hex ? 16 : 10);
      if (!isXmlChar(codePoint)) return err(corrupt('char-ref', offset + amp));
      out += String.fromCodePoint(codePoint);
    } else {
      while (j < raw.length && !endsName(raw.charCodeAt(j)) && raw[j] !== ';') j++;
      const name = raw.slice(amp + 1, j);
      if (name === '' || raw[j] !== ';') return err(corrupt('ampersand', offset + amp));
      const replacement = PREDEFINED.get(name);
      if (replacement === undefined) return err({ code: 'CUSTOM_ENTITY', name, offset: offset + amp });
      out += replacement;
    }
    i = j + 1;
  }
}

function isDigit(c: number, hex: boolean): boolean {
  return (c >= 0x30 && c <= 0x39) || (hex && ((c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)));
}

/** The XML 1.0 `Char` production. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 || cp === 0xa || cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
  );
}
