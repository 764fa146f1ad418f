/**
 * A Verifier that runs the core pipeline in the calling thread: the command line's path, the tests'
 * verifier, and the function the verification worker runs inside.
 */
import type { Net } from '../core/net/types';
import { verify, type Identities, type PipelineReport } from '../core/verify';
import type { EarnerIdentity, Verifier } from './types';

export interface InProcessVerifierOptions {
  readonly net: Net;
  /** The clock of every verification (default: the real one). */
  readonly now?: () => Date;
  /** Fetch @context documents that are not bundled (off by default, as in the core). */
  readonly allowRemoteContexts?: boolean;
}

/** The earner's identities as the recipient check wants them: e-mails, URLs, and the rest. */
export function toIdentities(identities: readonly EarnerIdentity[]): Identities {
  return {
    emails: identities.filter((i) => i.kind === 'email').map((i) => i.value),
    urls: identities.filter((i) => i.kind === 'url').map((i) => i.value),
    others: identities.filter((i) => i.kind === 'other').map((i) => i.value),
  };
}

export function createInProcessVerifier(options: InProcessVerifierOptions): Verifier {
  const now = options.now ?? (() => new Date());
  return {
    verify(input, identities, call = {}): Promise<PipelineReport> {
      const ctx = {
        net: options.net,
        now,
        identities: toIdentities(identities),
        ...(options.allowRemoteContexts ? { allowRemoteContexts: true } : {}),
        ...(call.signal ? { signal: call.signal } : {}),
      };
      return 'bytes' in input ? verify({ kind: 'bytes', bytes: input.bytes }, ctx) : verify({ kind: 'extracted', extracted: input.extracted }, ctx);
    },
  };
}
