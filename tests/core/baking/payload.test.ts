import { describe, expect, it } from 'vitest';
import { classifyPayload } from '../../../src/core/baking/payload';

const b64 = (obj: unknown): string => Buffer.from(JSON.stringify(obj)).toString('base64url');
const jws = (header: unknown, claims: unknown): string => `${b64(header)}.${b64(claims)}.c2ln`;

const OB2 = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'urn:uuid:1' };
const VC2 = { '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'], type: ['VerifiableCredential', 'OpenBadgeCredential'] };

describe('classifyPayload', () => {
  it.each([
    ['OB 2.0 JSON', JSON.stringify(OB2), 'json', '2.0'],
    ['OB 3.0 JSON', JSON.stringify(VC2), 'json', '3.0'],
    ['OB 1.1 JSON', '{"@context":"https://w3id.org/openbadges/v1","type":"Assertion"}', 'json', '1.x'],
    ['OB 1.0 JSON (no context)', '{"uid":"1","recipient":"a@b.c","badge":"https://example.org/b"}', 'json', '1.x'],
    ['OB 2.0 via openbadgespec.org', '{"@context":"https://openbadgespec.org/v2/context.json"}', 'json', '2.0'],
    ['CLR 2.0 JSON', '{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"]}', 'json', '3.0'],
    ['unknown JSON object', '{"hello":"world"}', 'json', 'unknown'],
    ['OB 2.0 signed assertion, typ JWT', jws({ alg: 'RS256', typ: 'JWT' }, OB2), 'jws', '2.0'],
    ['VC 1.1 JWT (vc claim)', jws({ alg: 'RS256', typ: 'JWT' }, { vc: { '@context': ['https://www.w3.org/2018/credentials/v1'] }, iss: 'x' }), 'jwt', '3.0'],
    ['VC 2.0 JWT (credential as payload)', jws({ alg: 'ES256' }, VC2), 'jwt', '3.0'],
    ['typ vc+jwt alone', jws({ alg: 'ES256', typ: 'vc+jwt' }, { sub: 'x' }), 'jwt', '3.0'],
    ['cty application/vc+ld+json+jwt', jws({ alg: 'ES256', cty: 'application/vc+ld+json+jwt' }, {}), 'jwt', '3.0'],
    ['a JWS about nothing we know', jws({ alg: 'HS256' }, { iss: 'joe' }), 'jws', 'unknown'],
    ['https URL', 'https://example.org/a?b=c#d', 'url', 'unknown'],
    ['http URL with spaces around', '  \n http://example.org \n', 'url', 'unknown'],
  ])('%s', (_name, text, kind, hint) => {
    expect(classifyPayload(text)).toEqual({ ok: true, value: { kind, hint, payload: text.trim() } });
  });

  it.each([
    ['', 'empty'],
    ['  \n', 'empty'],
    ['{verify:{"url":"http://example.org"}}', 'json'],
    ['{"a":1} trailing', 'json'],
    ['[{"a":1}]', 'unrecognised'],
    [`${b64({ typ: 'JWT' })}.${b64({})}.c2ln`, 'jws-header'],
    [`${b64([1])}.${b64({})}.c2ln`, 'jws-header'],
    [`${b64({ alg: 'RS256' })}.${b64([1, 2])}.c2ln`, 'jws-payload'],
    [`${b64({ alg: 'RS256' })}..c2ln`, 'jws-payload'], // detached payload
    [`${b64({ alg: 'RS256' })}.!!!.c2ln`, 'unrecognised'],
    ['ftp://example.org/a', 'unrecognised'],
    ['https://exa mple.org', 'unrecognised'],
    ['https://', 'unrecognised'],
    ['not a badge', 'unrecognised'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(classifyPayload(text)).toEqual({ ok: false, error: reason });
  });
});
