/**
 * `verify INPUT… [--recipient EMAIL]… [--documents MAP.tsv] [--now ISO-DATE] [--offline] [--json]`
 * Hundreds of inputs are verified in one process, a few at a time, printed in input order.
 */
import { stat } from 'node:fs/promises';
import { verify, type PipelineReport, type VerifyInput } from '../../core/verify';
import type { Identities, VerifyContext } from '../../core/verify/types';
import type { Net } from '../../core/net/types';
import { describeCheck, describeExtractError, describeVerdict, checkTitle } from '../../ui/messages/describe';
import { t, type Lang } from '../../ui/messages';
import { loadDocumentMap } from '../documents';
import { readInput, readStdin } from '../io';
import { nodeNet } from '../net';
import { UsageError, type Io } from './common';

export interface VerifyOptions {
  readonly recipients: readonly string[];
  readonly documents?: string;
  readonly now?: string;
  readonly offline: boolean;
  readonly json: boolean;
}

/** How many inputs are verified at once. */
const CONCURRENCY = 8;

export async function runVerify(inputs: readonly string[], options: VerifyOptions, lang: Lang, io: Io): Promise<number> {
  if (inputs.length === 0) throw new UsageError('cli.error.usage', { detail: 'verify INPUT…' });
  if (inputs.filter((i) => i === '-').length > 1) throw new UsageError('cli.error.usage', { detail: 'Only one input may be "-".' });
  const ctx = await verifyContextFrom(options);

  let failures = 0;
  let next = 0;
  // A small pool: each worker takes the next input; output is printed in input order.
  const results = new Array<string>(inputs.length);
  const done = new Array<boolean>(inputs.length).fill(false);
  let printed = 0;
  const flush = () => {
    while (printed < inputs.length && done[printed]) io.out(results[printed++]!);
  };
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      const input = inputs[index]!;
      const { line, ok } = await verifyOne(input, ctx, options.json, lang);
      if (!ok) failures++;
      results[index] = line;
      done[index] = true;
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, inputs.length) }, worker));
  return failures === 0 ? 0 : 1;
}

/** The verification context the options ask for (`--recipient`, `--documents`, `--now`, `--offline`). */
export async function verifyContextFrom(options: Omit<VerifyOptions, 'json'>): Promise<VerifyContext> {
  const fixedNow = options.now === undefined ? undefined : new Date(options.now);
  if (fixedNow && Number.isNaN(fixedNow.getTime())) {
    throw new UsageError('cli.error.usage', { detail: `--now ${options.now}: not an ISO 8601 date.` });
  }
  let documents;
  if (options.documents !== undefined) {
    try {
      documents = await loadDocumentMap(options.documents);
    } catch (e) {
      throw new UsageError('cli.error.usage', { detail: `--documents: ${(e as Error).message}.` });
    }
  }
  const net: Net = nodeNet({
    ...(documents ? { documents, documentsOnly: true } : {}),
    ...(options.offline ? { isOnline: () => false } : {}),
  });
  return { net, now: () => fixedNow ?? new Date(), identities: identitiesFrom(options.recipients) };
}

/** One report as `verify` prints it: a JSON line or readable lines; ok when valid or warning. */
export function formatReport(input: string, report: PipelineReport, json: boolean, lang: Lang): { line: string; ok: boolean } {
  const ok = report.verdict === 'valid' || report.verdict === 'warning';
  return { ok, line: json ? JSON.stringify(jsonReport(input, report, lang)) : readableReport(input, report, lang) };
}

function identitiesFrom(recipients: readonly string[]): Identities {
  const emails: string[] = [];
  const urls: string[] = [];
  const others: string[] = [];
  for (const r of recipients) {
    if (/^https?:\/\//i.test(r)) urls.push(r);
    else if (/^[^@\s]+@[^@\s]+$/.test(r)) emails.push(r);
    else others.push(r);
  }
  return { emails, urls, others };
}

async function toInput(input: string): Promise<{ ok: true; value: VerifyInput } | { ok: false; code: string; message: string }> {
  if (input === '-') return { ok: true, value: { kind: 'bytes', bytes: await readStdin() } };
  const isFile = await stat(input).then(
    () => true,
    () => false,
  );
  if (!isFile && /^https?:\/\//i.test(input)) return { ok: true, value: { kind: 'text', text: input } };
  const read = await readInput(input);
  if (!read.ok) return { ok: false, code: read.error.code, message: '' + read.error.detail };
  return { ok: true, value: { kind: 'bytes', bytes: read.bytes } };
}

async function verifyOne(input: string, ctx: VerifyContext, json: boolean, lang: Lang): Promise<{ line: string; ok: boolean }> {
  const source = await toInput(input);
  if (!source.ok) {
    const message = t(lang, `cli.error.${source.code as 'NOT_FOUND' | 'IS_A_DIRECTORY' | 'UNREADABLE'}`, { detail: source.message });
    return { ok: false, line: json ? JSON.stringify({ input, error: { code: source.code, message } }) : `${input}\n  ${message}` };
  }
  return formatReport(input, await verify(source.value, ctx), json, lang);
}

/** The stable JSON shape of `verify --json` (and `open --json`). */
export function jsonReport(input: string, report: PipelineReport, lang: Lang) {
  const b = report.badge;
  return {
    input,
    verdict: report.verdict,
    badge: b
      ? {
          name: b.name,
          issuer: { id: b.issuer.id, name: b.issuer.name },
          issuedOn: b.issuedOn,
          expires: b.expires,
          obVersion: b.obVersion,
          proof: b.proof,
        }
      : null,
    checks: report.checks.map((c) => ({ ...c, message: describeCheck(lang, c) })),
    ...(report.extractError ? { error: { ...report.extractError, message: describeExtractError(lang, report.extractError) } } : {}),
  };
}

const MARK = { pass: '✓', fail: '✗', warn: '!', unchecked: '?' } as const;

export function readableReport(input: string, report: PipelineReport, lang: Lang): string {
  const lines = [`${input} — ${describeVerdict(lang, report.verdict)}`];
  const b = report.badge;
  if (b) {
    lines.push(`  ${b.name}${b.issuer.name ? ` · ${b.issuer.name}` : ''} · Open Badges ${b.obVersion}`);
  }
  if (report.extractError) lines.push(`  ${describeExtractError(lang, report.extractError)}`);
  else for (const c of report.checks) lines.push(`  ${MARK[c.status]} ${checkTitle(lang, c.id)}: ${describeCheck(lang, c)}`);
  return lines.join('\n');
}
