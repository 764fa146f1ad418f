/**
 * The JSON-LD contexts Besace knows by heart, URL → lazy import of a bundled copy.
 * Each file is loaded only when a credential names it (the bundler splits every JSON into its own
 * chunk), so the first screen pays nothing for JSON-LD. Sources of every copy: contexts/SOURCES.md.
 *
 * A URL not listed here is a remote context: refused unless the caller allows remote contexts.
 */
type ContextModule = Promise<{ default: unknown }>;

export const BUNDLED_CONTEXTS: Readonly<Record<string, () => ContextModule>> = {
  // W3C Verifiable Credentials
  'https://www.w3.org/ns/credentials/v2': () => import('./contexts/credentials-v2.json'),
  'https://www.w3.org/2018/credentials/v1': () => import('./contexts/credentials-v1.json'),
  'https://www.w3.org/ns/credentials/examples/v2': () => import('./contexts/credentials-examples-v2.json'),
  'https://www.w3.org/2018/credentials/examples/v1': () => import('./contexts/credentials-examples-v1.json'),
  'https://www.w3.org/ns/odrl.jsonld': () => import('./contexts/odrl.json'),
  // Status lists (Bitstring v1 and its predecessor StatusList2021)
  'https://www.w3.org/ns/credentials/status/v1': () => import('./contexts/status-v1.json'),
  'https://w3id.org/vc/status-list/2021/v1': () => import('./contexts/status-list-2021-v1.json'),
  // Open Badges 3.0 and CLR 2.0
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json': () => import('./contexts/ob-v3p0.json'),
  'https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld': () => import('./contexts/ob-v3p0.json'),
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json': () => import('./contexts/ob-v3p0-3.0.1.json'),
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json': () => import('./contexts/ob-v3p0-3.0.2.json'),
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': () => import('./contexts/ob-v3p0-3.0.3.json'),
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': () => import('./contexts/ob-v3p0-extensions.json'),
  'https://purl.imsglobal.org/spec/clr/v2p0/context.json': () => import('./contexts/clr-v2p0.json'),
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json': () => import('./contexts/clr-v2p0-2.0.1.json'),
  // Open Badges 2.0 / 1.1
  'https://w3id.org/openbadges/v2': () => import('./contexts/ob-v2.json'),
  'https://openbadgespec.org/v2/context.json': () => import('./contexts/ob-v2.json'),
  'https://w3id.org/openbadges/v1': () => import('./contexts/ob-v1.json'),
  // Data Integrity and signature suites
  'https://w3id.org/security/data-integrity/v1': () => import('./contexts/data-integrity-v1.json'),
  'https://w3id.org/security/data-integrity/v2': () => import('./contexts/data-integrity-v2.json'),
  'https://w3id.org/security/suites/ed25519-2020/v1': () => import('./contexts/ed25519-2020-v1.json'),
  'https://w3id.org/security/suites/ed25519-2018/v1': () => import('./contexts/ed25519-2018-v1.json'),
  'https://w3id.org/security/v1': () => import('./contexts/security-v1.json'),
  'https://w3id.org/security/v2': () => import('./contexts/security-v2.json'),
  'https://www.w3.org/ns/did/v1': () => import('./contexts/did-v1.json'),
  // Digital Credentials Consortium (used by DCC-issued credentials)
  'https://w3id.org/dcc/v1': () => import('./contexts/dcc-v1.json'),
};

export const isBundledContext = (url: string): boolean => Object.hasOwn(BUNDLED_CONTEXTS, url);
