/** What every command shares: language, output, usage errors. Node only. */
import { pickLang, t, type Lang, type MessageKey } from '../../ui/messages';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** French when LANG / LC_ALL / LC_MESSAGES says so, English otherwise; `--lang` wins. */
export function langFrom(option: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (option === 'fr' || option === 'en') return option;
  const envLang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return pickLang([envLang.replace('_', '-').split('.')[0] ?? '']);
}

/** A usage error: the command line was wrong, not the input. Exit status 2. */
export class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string> = {},
  ) {
    super(key);
  }
}

export function usageMessage(lang: Lang, e: UsageError): string {
  return e.key === 'cli.error.usage' ? t(lang, 'cli.error.usage', e.params) : t(lang, e.key, e.params);
}
