/** `extract FILE…`: the badge inside each file, one JSON object per line. */
import { extract } from '../../core/baking';
import { describeExtractError, describeExtractWarning } from '../../ui/messages/describe';
import { t, type Lang } from '../../ui/messages';
import { readInput } from '../io';
import type { Io } from './common';

export async function runExtract(inputs: readonly string[], lang: Lang, io: Io): Promise<number> {
  let failures = 0;
  for (const input of inputs) {
    const read = await readInput(input);
    if (!read.ok) {
      failures++;
      io.out(JSON.stringify({ input, error: { code: read.error.code, message: t(lang, `cli.error.${read.error.code}`, { detail: read.error.detail }) } }));
      continue;
    }
    const result = extract(read.bytes);
    if (!result.ok) {
      failures++;
      io.out(JSON.stringify({ input, error: { ...result.error, message: describeExtractError(lang, result.error) } }));
      continue;
    }
    const { container, obVersionHint, payloadKind, payload, warnings } = result.value;
    io.out(
      JSON.stringify({
        input,
        container,
        obVersionHint,
        payloadKind,
        payload,
        warnings: warnings.map((w) => ({ ...w, message: describeExtractWarning(lang, w) })),
      }),
    );
  }
  return failures === 0 ? 0 : 1;
}
