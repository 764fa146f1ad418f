/**
 * The test page's script (tests/browser/verify/): the production verification pipeline
 * (src/core/verify) over the page's network door (src/platform/browserNet), exposed as
 *
 *   window.besaceVerify({ text } | { base64 }, { timeoutMs?, identities?, netId? }) → JSON string
 *
 * The answer is `JSON.stringify({ report, ms })`, so what crosses to the test is plain data. A
 * `netId` keeps one Net (and its cache) across calls; without it each call gets a fresh one.
 */
import { verify, type PipelineReport, type VerifyInput } from '../../../../src/core/verify';
import type { Identities, VerifyContext } from '../../../../src/core/verify/types';
import type { Net } from '../../../../src/core/net/types';
import { browserNet } from '../../../../src/platform/browserNet';

export interface PageInput {
  readonly text?: string;
  /** File bytes, base64 (standard alphabet). */
  readonly base64?: string;
}

export interface PageOptions {
  readonly timeoutMs?: number;
  readonly identities?: Identities;
  /** Reuse the Net (and its cache) of an earlier call with the same id. */
  readonly netId?: string;
}

export interface PageAnswer {
  readonly report: PipelineReport;
  /** How long verify() took in the page. */
  readonly ms: number;
}

declare global {
  interface Window {
    besaceVerify(input: PageInput, options?: PageOptions): Promise<string>;
    besaceReady: boolean;
  }
}

const nets = new Map<string, Net>();

function netFor(options: PageOptions): Net {
  const make = () => browserNet(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {});
  if (options.netId === undefined) return make();
  let net = nets.get(options.netId);
  if (!net) {
    net = make();
    nets.set(options.netId, net);
  }
  return net;
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

window.besaceVerify = async (input, options = {}) => {
  const ctx: VerifyContext = {
    net: netFor(options),
    now: () => new Date(),
    identities: options.identities ?? { emails: [], urls: [] },
  };
  const verifyInput: VerifyInput =
    input.base64 !== undefined ? { kind: 'bytes', bytes: bytesOf(input.base64) } : { kind: 'text', text: input.text ?? '' };
  const started = performance.now();
  const report = await verify(verifyInput, ctx);
  const answer: PageAnswer = { report, ms: Math.round(performance.now() - started) };
  return JSON.stringify(answer);
};
window.besaceReady = true;
