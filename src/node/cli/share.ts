/**
 * `share INPUT… [--title T] [--base URL] [--qr OUT.png|OUT.svg] [--json]`: a share link carrying the badges.
 * `open LINK|FILE [--documents MAP.tsv] [--now ISO-DATE] [--offline] [--json]`: verify every badge a link carries
 *   (FILE: a collection downloaded from the app, `….besace-share.txt`, which holds the link).
 * `linkedin INPUT [--cert-url URL]`: LinkedIn's "Add to profile" link for a verified badge.
 */
import { readFile, stat } from 'node:fs/promises';
import QRCode from 'qrcode';
import { extract } from '../../core/baking';
import { decodeShare, encodeShare, linkedInAddToProfileUrl, shareItemFromExtracted, type ShareItem } from '../../core/share';
import { verify } from '../../core/verify';
import { describeExtractError } from '../../ui/messages/describe';
import { t, type Lang } from '../../ui/messages';
import { readInput } from '../io';
import { UsageError, type Io } from './common';
import { formatReport, verifyContextFrom, type VerifyOptions } from './verify';

export const DEFAULT_SHARE_BASE = 'http://localhost:4173/';

export interface ShareOptions {
  readonly title?: string;
  readonly base?: string;
  readonly qr?: string;
  readonly now?: string;
  readonly json: boolean;
}

export async function runShare(inputs: readonly string[], options: ShareOptions, lang: Lang, io: Io): Promise<number> {
  if (inputs.length === 0) throw new UsageError('cli.error.usage', { detail: 'share INPUT…' });
  const base = options.base ?? DEFAULT_SHARE_BASE;
  if (!URL.canParse(base)) throw new UsageError('cli.error.usage', { detail: `--base ${base}: not a URL.` });
  const qrType = options.qr === undefined ? undefined : /\.png$/i.test(options.qr) ? 'png' : /\.svg$/i.test(options.qr) ? 'svg' : null;
  if (qrType === null) throw new UsageError('cli.error.usage', { detail: `--qr ${options.qr}: the file name must end in .png or .svg.` });
  const createdAt = options.now === undefined ? new Date() : new Date(options.now);
  if (Number.isNaN(createdAt.getTime())) throw new UsageError('cli.error.usage', { detail: `--now ${options.now}: not an ISO 8601 date.` });

  const badges: ShareItem[] = [];
  for (const input of inputs) {
    const read = await readInput(input);
    if (!read.ok) {
      io.err(t(lang, `cli.error.${read.error.code}`, { detail: read.error.detail }));
      return 1;
    }
    const result = extract(read.bytes);
    if (!result.ok) {
      io.err(`${input}: ${describeExtractError(lang, result.error)}`);
      return 1;
    }
    badges.push(shareItemFromExtracted(result.value));
  }
  const url = encodeShare({ ...(options.title !== undefined ? { title: options.title } : {}), createdAt: createdAt.toISOString(), badges }, base);
  // The link must open: check it against the decoder's limits before handing it out.
  const back = decodeShare(url);
  if (!back.ok) {
    io.err(t(lang, 'cli.share.error', { code: back.error.code }));
    return 1;
  }

  let qr: { version: number; errorCorrection: 'M' } | null = null;
  try {
    qr = { version: QRCode.create(url, { errorCorrectionLevel: 'M' }).version, errorCorrection: 'M' };
  } catch {
    io.err(t(lang, 'cli.share.noQr', { bytes: String(url.length) }));
  }
  if (qr && options.qr !== undefined && qrType) {
    try {
      await QRCode.toFile(options.qr, url, { type: qrType, errorCorrectionLevel: 'M' });
    } catch (e) {
      io.err(t(lang, 'cli.error.writeFailed', { path: options.qr, detail: (e as Error).message }));
      return 1;
    }
  }
  io.out(options.json ? JSON.stringify({ url, bytes: new TextEncoder().encode(url).length, qr }) : url);
  return 0;
}

export async function runOpen(args: readonly string[], options: VerifyOptions, lang: Lang, io: Io): Promise<number> {
  if (args.length !== 1) throw new UsageError('cli.error.usage', { detail: 'open LINK' });
  const link = await linkFromArgument(args[0]!);
  const decoded = decodeShare(link);
  // The address the sharer disclosed (if any) is what "issued to" is checked against.
  const ctx = await verifyContextFrom(decoded.ok && decoded.value.recipient ? { ...options, recipients: [...options.recipients, decoded.value.recipient] } : options);
  if (!decoded.ok) {
    const message = t(lang, 'cli.open.error', { code: decoded.error.code });
    io.out(options.json ? JSON.stringify({ input: link, error: { code: decoded.error.code, message } }) : `${link}\n  ${message}`);
    return 1;
  }
  const share = decoded.value;
  const at = ctx.now();
  if (share.until !== undefined && Date.parse(share.until) <= at.getTime()) io.err(t(lang, 'cli.open.ended', { date: share.until }));
  let failures = 0;
  for (const [index, badge] of share.badges.entries()) {
    const report = await verify({ kind: 'text', text: badge.payload }, ctx);
    const { line, ok } = formatReport(`LINK#${index}`, report, options.json, lang);
    if (!ok) failures++;
    io.out(line);
  }
  return failures === 0 ? 0 : 1;
}

/** A link as given, or the link inside a file (a collection downloaded from the app). */
async function linkFromArgument(arg: string): Promise<string> {
  if (arg.includes('#')) return arg;
  try {
    const info = await stat(arg);
    if (!info.isFile() || info.size > 128 * 1024) return arg;
    return (await readFile(arg, 'utf8')).trim();
  } catch {
    return arg; // not a file: decoding says what is wrong with it
  }
}

export async function runLinkedIn(args: readonly string[], options: Omit<VerifyOptions, 'json'> & { certUrl?: string }, lang: Lang, io: Io): Promise<number> {
  if (args.length !== 1) throw new UsageError('cli.error.usage', { detail: 'linkedin INPUT' });
  const input = args[0]!;
  const ctx = await verifyContextFrom(options);
  const read = await readInput(input);
  if (!read.ok) {
    io.err(t(lang, `cli.error.${read.error.code}`, { detail: read.error.detail }));
    return 1;
  }
  const report = await verify({ kind: 'bytes', bytes: read.bytes }, ctx);
  const badge = report.badge;
  if (!badge || report.verdict === 'invalid') {
    io.err(formatReport(input, report, false, lang).line);
    io.err(t(lang, 'cli.linkedin.refused'));
    return 1;
  }
  if (report.verdict === 'unverified') io.err(t(lang, 'cli.linkedin.unverified'));
  io.out(
    linkedInAddToProfileUrl({
      name: badge.name,
      organizationName: badge.issuer.name,
      issuedOn: badge.issuedOn,
      expires: badge.expires,
      certUrl: options.certUrl ?? null,
      certId: badge.id,
    }),
  );
  return 0;
}
