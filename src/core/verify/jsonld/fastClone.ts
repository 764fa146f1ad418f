/**
 * A speed fix for jsonld 9, installed once before Besace's first JSON-LD operation.
 *
 * jsonld deep-copies the whole active context (every term definition, recursively) each time it
 * enters or leaves a type-scoped context — OB 3.0 has one per typed node (OpenBadgeCredential,
 * Profile, AchievementSubject, Achievement, DataIntegrityProof…) — and that copying was ~65% of a
 * verification's time (half of it garbage collection). jsonld replaces term definitions, it never
 * edits one in place once it is in a context (createTermDefinition builds a new object and `set`s
 * it; the only later writes go to that new object), so a copy of the Map that shares the
 * definitions is equivalent. This function is jsonld's own `_cloneActiveContext` with
 * `new Map(mappings)` instead of a deep clone; nothing else changes.
 *
 * Installed only when jsonld's initial context has the exact shape this was written against
 * (else jsonld is left alone). The W3C and 1EdTech test vectors (exact canonical N-Quads) and every
 * corpus signature are the regression tests. `FAST_CONTEXT_CLONE = false` turns it off.
 */
import jsonld from 'jsonld';

export const FAST_CONTEXT_CLONE = true;

interface ActiveContext {
  mappings: Map<string, unknown>;
  protected: Record<string, boolean>;
  previousContext?: ActiveContext;
  inverse: unknown;
  clone: (this: ActiveContext) => ActiveContext;
  getInverse: unknown;
  revertToPreviousContext: unknown;
  '@base'?: unknown;
  '@language'?: unknown;
  '@vocab'?: unknown;
}

function sharedDefinitionsClone(this: ActiveContext): ActiveContext {
  const child = {
    mappings: new Map(this.mappings),
    clone: this.clone,
    inverse: null,
    getInverse: this.getInverse,
    protected: { ...this.protected },
    revertToPreviousContext: this.revertToPreviousContext,
  } as ActiveContext;
  if (this.previousContext) child.previousContext = this.previousContext.clone();
  if ('@base' in this) child['@base'] = this['@base'];
  if ('@language' in this) child['@language'] = this['@language'];
  if ('@vocab' in this) child['@vocab'] = this['@vocab'];
  return child;
}

let installed: Promise<boolean> | null = null;

/** Installs the shared-definitions clone on jsonld's initial context (idempotent). */
export function installFastContextClone(): Promise<boolean> {
  if (!FAST_CONTEXT_CLONE) return Promise.resolve(false);
  installed ??= (async () => {
    const processContext = (jsonld as unknown as { processContext: (a: null, l: null, o: object) => Promise<unknown> }).processContext;
    const initial = (await processContext(null, null, {})) as Partial<ActiveContext> | null;
    const shaped =
      !!initial &&
      initial.mappings instanceof Map &&
      initial.mappings.size === 0 &&
      typeof initial.clone === 'function' &&
      typeof initial.getInverse === 'function' &&
      typeof initial.revertToPreviousContext === 'function' &&
      typeof initial.protected === 'object';
    if (!shaped || !initial.clone) return false;
    // jsonld's own clone and ours must produce the same members.
    const theirs = Object.keys(initial.clone.call(initial as ActiveContext)).sort().join();
    const ours = Object.keys(sharedDefinitionsClone.call(initial as ActiveContext)).sort().join();
    if (theirs !== ours) return false;
    initial.clone = sharedDefinitionsClone;
    return true;
  })().catch(() => false);
  return installed;
}
