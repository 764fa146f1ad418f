/**
 * The OB 2.0 vocabulary as validator-core sees it after compacting with the v2 context, and the
 * primitive value checks of its PrimitiveValueValidator (SPECS §2.1, §2.8). Kept small and without
 * a JSON-LD processor: OB 2.0 documents are compared term by term, as both 1EdTech validators do
 * once compacted.
 */
import { isObject, type JsonObject } from './json';

export const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';
export const OB2_CONTEXT_ALIASES: ReadonlySet<string> = new Set([
  OB2_CONTEXT,
  'https://openbadgespec.org/v2/context.json',
  'http://w3id.org/openbadges/v2',
]);
export const OB1_CONTEXT = 'https://w3id.org/openbadges/v1';

/** Prefixes of the v2 context. */
const PREFIXES: Readonly<Record<string, string>> = {
  obi: 'https://w3id.org/openbadges#',
  extensions: 'https://w3id.org/openbadges/extensions#',
  cred: 'https://w3id.org/credentials#',
  dc: 'http://purl.org/dc/terms/',
  schema: 'http://schema.org/',
  sec: 'https://w3id.org/security#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

/** Terms of the v2 context and the IRIs they expand to (ob_v2p0/v2/context.json). */
const TERMS: Readonly<Record<string, string>> = {
  validation: 'obi:validation',
  AlignmentObject: 'schema:AlignmentObject',
  CryptographicKey: 'sec:Key',
  Endorsement: 'cred:Credential',
  Assertion: 'obi:Assertion',
  BadgeClass: 'obi:BadgeClass',
  Criteria: 'obi:Criteria',
  Evidence: 'obi:Evidence',
  Extension: 'obi:Extension',
  FrameValidation: 'obi:FrameValidation',
  IdentityObject: 'obi:IdentityObject',
  Image: 'obi:Image',
  HostedBadge: 'obi:HostedBadge',
  hosted: 'obi:HostedBadge',
  Issuer: 'obi:Issuer',
  Profile: 'obi:Profile',
  RevocationList: 'obi:RevocationList',
  SignedBadge: 'obi:SignedBadge',
  signed: 'obi:SignedBadge',
  TypeValidation: 'obi:TypeValidation',
  VerificationObject: 'obi:VerificationObject',
  author: 'schema:author',
  caption: 'schema:caption',
  claim: 'cred:claim',
  created: 'dc:created',
  creator: 'dc:creator',
  description: 'schema:description',
  email: 'schema:email',
  endorsement: 'cred:credential',
  expires: 'sec:expiration',
  genre: 'schema:genre',
  image: 'schema:image',
  name: 'schema:name',
  owner: 'sec:owner',
  publicKey: 'sec:publicKey',
  publicKeyPem: 'sec:publicKeyPem',
  related: 'dc:relation',
  startsWith: 'http://purl.org/dqm-vocabulary/v1/dqm#startsWith',
  tags: 'schema:keywords',
  targetDescription: 'schema:targetDescription',
  targetFramework: 'schema:educationalFramework',
  targetName: 'schema:targetName',
  targetUrl: 'schema:targetUrl',
  telephone: 'schema:telephone',
  url: 'schema:url',
  version: 'schema:version',
  alignment: 'obi:alignment',
  allowedOrigins: 'obi:allowedOrigins',
  audience: 'obi:audience',
  badge: 'obi:badge',
  criteria: 'obi:criteria',
  endorsementComment: 'obi:endorsementComment',
  evidence: 'obi:evidence',
  hashed: 'obi:hashed',
  identity: 'obi:identityHash',
  issuedOn: 'obi:issueDate',
  issuer: 'obi:issuer',
  narrative: 'obi:narrative',
  recipient: 'obi:recipient',
  revocationList: 'obi:revocationList',
  revocationReason: 'obi:revocationReason',
  revoked: 'obi:revoked',
  revokedAssertions: 'obi:revoked',
  salt: 'obi:salt',
  targetCode: 'obi:targetCode',
  uid: 'obi:uid',
  validatesType: 'obi:validatesType',
  validationFrame: 'obi:validationFrame',
  validationSchema: 'obi:validationSchema',
  verification: 'obi:verify',
  verificationProperty: 'obi:verificationProperty',
  verify: 'obi:verify',
};

/** The term definitions a document may carry inline (`@context` objects), merged over the v2 terms. */
export interface Vocabulary {
  readonly terms: ReadonlyMap<string, string>;
  readonly prefixes: ReadonlyMap<string, string>;
}

const BASE: Vocabulary = {
  terms: new Map(Object.entries(TERMS)),
  prefixes: new Map(Object.entries(PREFIXES)),
};

/** The vocabulary in force for a node: the v2 context plus any inline context objects it declares. */
export function vocabularyOf(node: JsonObject, inherited: Vocabulary = BASE): Vocabulary {
  const inline = listOfContexts(node['@context']).filter(isObject);
  if (inline.length === 0) return inherited;
  const terms = new Map(inherited.terms);
  const prefixes = new Map(inherited.prefixes);
  for (const ctx of inline) {
    for (const [key, def] of Object.entries(ctx)) {
      if (key.startsWith('@')) continue;
      const iri = typeof def === 'string' ? def : isObject(def) && typeof def['@id'] === 'string' ? def['@id'] : null;
      if (iri === null || iri.startsWith('@')) continue;
      if (/[#/:]$/.test(iri) && /^https?:\/\//.test(iri)) prefixes.set(key, iri);
      else terms.set(key, iri);
    }
  }
  return { terms, prefixes };
}

function listOfContexts(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Expand a term or compact IRI to an absolute IRI when the vocabulary allows; else the value itself. */
export function expandTerm(value: string, vocab: Vocabulary = BASE, depth = 0): string {
  if (depth > 4) return value;
  const term = vocab.terms.get(value);
  if (term !== undefined) return expandTerm(term, vocab, depth + 1);
  const colon = value.indexOf(':');
  if (colon > 0 && !value.slice(colon + 1).startsWith('//')) {
    const prefix = vocab.prefixes.get(value.slice(0, colon));
    if (prefix !== undefined) return prefix + value.slice(colon + 1);
  }
  return value;
}

/** RDF_TYPE: a string that expands to an IRI in the document's context (validator-core _validate_rdf_type). */
export function isValidRdfType(value: unknown, vocab: Vocabulary = BASE): boolean {
  if (typeof value !== 'string' || value.length === 0) return false;
  return isIri(expandTerm(value, vocab));
}

/** COMPACT_IRI (verificationProperty): 'id', an IRI, or a term of the context. */
export function isValidCompactIri(value: unknown, vocab: Vocabulary = BASE): boolean {
  if (typeof value !== 'string') return false;
  if (value === 'id' || isIri(value)) return true;
  return expandTerm(value, vocab) !== value;
}

const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** URL: an absolute http(s) URL. */
export function isUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || /\s/.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/** IRI: an http(s) URL, a blank node id (`_:`) or a `urn:uuid:` (validator-core is_iri). */
export function isIri(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const s: string = value;
  return s.startsWith('_:') || URN_UUID.test(s) || isUrl(s);
}

export function isBlankNodeId(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('_:');
}

/** DATA_URI of a PNG or SVG image (all OB 2.0 images are PNG or SVG, SPECS §2.8). */
export function dataUriMediaType(value: string): string | null {
  const m = /^data:([^;,]*)[;,]/i.exec(value);
  if (!m) return null;
  return (m[1] ?? '').trim().toLowerCase() || 'text/plain';
}

export function isDataUri(value: unknown): value is string {
  return typeof value === 'string' && /^data:/i.test(value);
}

export const IMAGE_MEDIA_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/svg+xml']);

export function isEmail(value: unknown): boolean {
  return typeof value === 'string' && /^[^@\s]+@[^@\s]+$/.test(value);
}

/** E.164, extensions allowed (validator-core _validate_tel). */
export function isTelephone(value: unknown): boolean {
  return typeof value === 'string' && /^\+?[1-9]\d{1,14}(;ext=\d+)?$/.test(value);
}

/** A BCP 47-looking language tag. */
export function isLanguageTag(value: unknown): boolean {
  return typeof value === 'string' && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(value);
}

/** `sha256$` + 64 hex or `md5$` + 32 hex, any case (validator-core is_hashed_identity_hash). */
export function isIdentityHash(value: unknown): boolean {
  return typeof value === 'string' && /^(md5\$[\da-fA-F]{32}|sha256\$[\da-fA-F]{64})$/.test(value);
}

/** An OB 2.0 context value: a v2 URL, an array containing one, or an inline object defining the v2 terms. */
export function isOb2Context(value: unknown): boolean {
  if (typeof value === 'string') return OB2_CONTEXT_ALIASES.has(value.trim());
  if (Array.isArray(value)) return value.some((v) => isOb2Context(v));
  if (isObject(value)) {
    // An inline copy of the v2 context (1EdTech's rdf-validation fixtures): the core OB 2.0 terms
    // must be defined, and to the same IRIs.
    const vocab = vocabularyOf({ '@context': value }, { terms: new Map(), prefixes: new Map() });
    for (const term of ['Assertion', 'BadgeClass', 'Issuer', 'Profile', 'recipient', 'badge', 'issuer', 'verification']) {
      const iri = vocab.terms.get(term);
      if (iri === undefined || expandTerm(iri, vocab) !== expandTerm(term)) return false;
    }
    return true;
  }
  return false;
}
