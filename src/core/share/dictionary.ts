/**
 * The preset DEFLATE dictionary of share links v2 — PART OF THE v2 FORMAT: NEVER CHANGE IT.
 *
 * A v2 link's DEFLATE stream may copy from these bytes as if they came just before the share JSON,
 * so the strings every credential repeats (context URLs, type and property names, proof boilerplate)
 * cost a back-reference instead of their letters. A link made with this dictionary cannot be read
 * with any other: changing one byte here breaks every v2 link ever shared. A better dictionary is a
 * new version (`v3`, with its own frozen constant), and this one stays for reading v2.
 * tests/core/share/link.test.ts asserts its SHA-256.
 *
 * It is the text as it appears in the share JSON (`{"c":…,"b":[{"k":"json","p":"…"}]}`): a credential
 * is a JSON string inside JSON there, so its quotes are `\"` and its line breaks `\n`, and this file
 * writes every piece with String.raw so that what you read is exactly those bytes (ASCII only).
 *
 * How it was derived, from tests/fixtures/corpus (MANIFEST.tsv; 168 distinct badges):
 * - Documents: each badge as a one-badge share, with pseudo-random dates and titles (so that neither is
 *   learnt); JSON credentials both as baked (pretty-printed, 2 or 4 spaces, \n or \r\n) and
 *   re-serialised compactly (half weight); the 1EdTech, DCC and W3C sources weighted equally;
 *   payloads over 12,000 characters (CLR transcripts) left out, a small collection of URLs added.
 * - Candidates: runs of JSON syntax and vocabulary only — the terms of the bundled JSON-LD contexts
 *   (src/core/verify/jsonld/contexts, examples and ODRL left out), their URLs, the values the specs
 *   enumerate (achievementType, cryptosuites) — whose last string may stop at a generic prefix
 *   (`did:key:z6Mk`, `urn:uuid:`, `https://`, `http://`, `z` of a multibase proof value, `20` of a
 *   date). Never a fixture's own values (names, ids, keys, dates). Kept: phrases seen in documents of
 *   at least two of those sources, the 700 best by weighted frequency × length.
 * - Selection: greedy on real sizes (fflate, level 9), the phrase that shrinks the weighted total
 *   most first, up to 3 KB; then single quoted terms (the spec's usual ones first, then by frequency)
 *   up to 4,096 bytes (it ships in the viewer).
 * - Order: least useful first, so that the most frequent strings sit at the end, nearest the data
 *   (shorter DEFLATE distances).
 * Checked by leaving each source out of the derivation and measuring on it: the left-out source's
 * OB 3.0 links shrink nearly as much as with the full derivation, against base32 without dictionary:
 * 1EdTech's −16.5% (full: −17.1%), DCC's −25.4% (full: −27.2%). So it is not fitted to the fixtures.
 */

/** The v2 dictionary, 4,095 ASCII bytes. Read-only: it is a string so that no importer can alter it. */
export const SHARE_DICTIONARY_V2: string = [
  // Single terms and context URLs, the least frequent first.
  String.raw`\"inLanguage\"\"https://w3id.org/vc/status-list/2021/v1\"\"emailSha256\"\"IdentityObject\"`,
  String.raw`\"StatusList2021Entry\"\"ClrCredential\"\"salt\"\"Evidence\"\"ResultDescription\"`,
  String.raw`\"https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json\"`,
  String.raw`\"https://w3id.org/security/data-integrity/v1\"\"endorsement\"\"evidence\"\"creator\"\"hashed\"`,
  String.raw`\"identityHash\"\"identityType\"\"email\"\"Alignment\"\"Result\"\"1EdTechRevocationList\"`,
  String.raw`\"1EdTechCredentialRefresh\"\"alignment\"\"resultDescription\"\"result\"`,
  String.raw`\"https://purl.imsglobal.org/spec/ob/v3p0/context.json\"\"EndorsementCredential\"`,
  String.raw`\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json\"\"awardedDate\"`,
  String.raw`\"1EdTechJsonSchemaValidator2019\"\"AchievementCredential\"\"credentialSchema\"\"eddsa-jcs-2022\"`,
  String.raw`\"expirationDate\"\"https://purl.imsglobal.org/spec/ob/v3p0/extensions.json\"\"Badge\"`,
  String.raw`\"fieldOfStudy\"\"BachelorDegree\"\"https://www.w3.org/ns/credentials/status/v1\"\"identifier\"`,
  String.raw`\"https://w3id.org/security/data-integrity/v2\"\"Criteria\"\"validUntil\"\"url\"\"Image\"`,
  String.raw`\"statusListIndex\"\"statusPurpose\"\"revocation\"\"achievementType\"\"credentialStatus\"`,
  String.raw`\"issuanceDate\"\"image\"`,
  // Phrases chosen by the greedy selection, the most useful last.
  String.raw`,\"verificationMethod\":\"did:key:z6Mk`,
  String.raw`\"proofPurpose\": \"assertionMethod\",\n        \"proofValue\": \"z`,
  String.raw`\"proof\": {\n    \"type\": \"DataIntegrityProof\",\n`,
  String.raw`        \"verificationMethod\": `,
  String.raw`\"cryptosuite\": \"eddsa-rdfc-2022\",\n      \"created\": \"20`,
  String.raw`\"proof\":[{\"type\":\"DataIntegrityProof\"`,
  String.raw`,\"cryptosuite\":\"eddsa-rdfc-2022\",\"created\":\"20`,
  String.raw`eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJ`,
  String.raw`},\n            \"description\":`,
  String.raw`\"statusListCredential\"`,
  String.raw`,\"https://w3id.org/security/suites/ed25519-2020/v1\"],`,
  String.raw`\"cryptosuite\": \"eddsa-rdfc-2022\",\n            \"proofPurpose\": \"assertionMethod\",\n            \"proofValue\": \"z`,
  String.raw`,\"proof\":{\"type\":\"Ed25519Signature2020\",\"created\":\"20`,
  String.raw`{\n  \"@context\": [\n    \"https://www.w3.org/ns/credentials/v2\",\n    \"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"\n`,
  String.raw`\"validFrom\":\"20`,
  String.raw`},\n  \"proof\": [\n    {\n      \"type\": \"DataIntegrityProof\",\n`,
  String.raw`\"credentialSubject\":{\"type\":[\"AchievementSubject\"`,
  String.raw`    \"name\": `,
  String.raw`\"achievement\": {\n            \"id\": \"https://`,
  String.raw`\"issuer\": \"https://`,
  String.raw`\"cryptosuite\": \"eddsa-rdfc-2022\",\n      \"proofPurpose\": \"assertionMethod\",\n      \"proofValue\": \"z`,
  String.raw`,\"type\":[\"Achievement\"],\"criteria\":{\"narrative\":`,
  String.raw`"},{"k":"url","p":"http://`,
  String.raw`eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJ`,
  String.raw`{\n    \"@context\": [\n        \"https://www.w3.org/ns/credentials/v2\",\n`,
  String.raw`,\"type\":[\"AchievementSubject\"],\"achievement\":{\"id\":\"https://`,
  String.raw`{\n            \"type\": \"DataIntegrityProof\",\n            \"created\": \"20`,
  String.raw`{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],\"id\":\"http://`,
  String.raw`\"@context\":[\"https://www.w3.org/2018/credentials/v1\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json\",`,
  String.raw`Z","b":[{"k":"url","p":"https://`,
  String.raw`\"type\": [\n            \"Profile\"\n`,
  String.raw`\"type\": [\n    \"VerifiableCredential\",\n    \"OpenBadgeCredential\"\n  ],\n  \"issuer\": {\n`,
  String.raw`,\"cryptosuite\":\"eddsa-rdfc-2022\",\"proofPurpose\":\"assertionMethod\",\"proofValue\":\"z`,
  String.raw`],\n  \"id\": \"urn:uuid:`,
  String.raw`\"BitstringStatusListEntry\",`,
  String.raw`\"credentialSubject\": {\n    \"id\": `,
  String.raw`  \"validFrom\": \"20`,
  String.raw`},\n  \"proof\": {\n    \"type\": \"Ed25519Signature2020\",\n    \"created\": \"20`,
  String.raw`            \"description\": `,
  String.raw`\"type\": [\n        \"Achievement\"\n      ],\n      \"criteria\": {\n        \"narrative\": `,
  String.raw`\"https://w3id.org/security/suites/ed25519-2020/v1\"\n    ],\n`,
  String.raw`    \"verificationMethod\": \"did:key:z6Mk`,
  String.raw`\"type\": [\n      \"AchievementSubject\"\n    ],\n    \"achievement\": {\n      \"id\": \"https://`,
  String.raw`,\"proof\":{\"type\":\"DataIntegrityProof\",\"created\":\"20`,
  String.raw`,\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":{\"id\":`,
  String.raw`Z","b":[{"k":"json","p":"{`,
  String.raw`\"cryptosuite\": \"eddsa-rdfc-2022\",\n    \"proofPurpose\": \"assertionMethod\",\n    \"proofValue\": \"z`,
  String.raw`\"@context\": [\n    \"https://www.w3.org/ns/credentials/v2\",\n    \"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"\n  ],\n  \"id\": \"http://`,
].join('');
