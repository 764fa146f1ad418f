/** `bake IMAGE PAYLOAD_FILE -o OUT`: the other way round. */
import { writeFile } from 'node:fs/promises';
import { bake } from '../../core/baking';
import { describeBakeError } from '../../ui/messages/describe';
import { t, type Lang } from '../../ui/messages';
import { readInput } from '../io';
import { UsageError, type Io } from './common';

export async function runBake(
  args: readonly string[],
  options: { out?: string; obVersion?: string },
  lang: Lang,
  io: Io,
): Promise<number> {
  const [imagePath, payloadPath, ...rest] = args;
  if (!imagePath || !payloadPath || rest.length > 0 || !options.out) {
    throw new UsageError('cli.error.usage', { detail: 'bake IMAGE PAYLOAD_FILE -o OUT' });
  }
  const version = options.obVersion;
  if (version !== undefined && version !== '2.0' && version !== '3.0') {
    throw new UsageError('cli.error.usage', { detail: '--ob-version is 2.0 or 3.0.' });
  }
  if (imagePath === '-' && payloadPath === '-') throw new UsageError('cli.error.usage', { detail: 'Only one input may be "-".' });
  const image = await readInput(imagePath);
  if (!image.ok) return fail(io, t(lang, `cli.error.${image.error.code}`, { detail: image.error.detail }));
  const payloadBytes = await readInput(payloadPath);
  if (!payloadBytes.ok) return fail(io, t(lang, `cli.error.${payloadBytes.error.code}`, { detail: payloadBytes.error.detail }));
  const payload = new TextDecoder().decode(payloadBytes.bytes).trim();
  const baked = bake(image.bytes, payload, version);
  if (!baked.ok) return fail(io, describeBakeError(lang, baked.error));
  try {
    await writeFile(options.out, baked.value.bytes);
  } catch (e) {
    return fail(io, t(lang, 'cli.error.writeFailed', { path: options.out, detail: (e as Error).message }));
  }
  io.err(t(lang, 'cli.baked', { version: baked.value.version, path: options.out, bytes: baked.value.bytes.length }));
  return 0;
}

function fail(io: Io, message: string): number {
  io.err(message);
  return 1;
}
