/** The command line's dispatcher: parses options (before or after inputs) and runs a command. */
import { parseArgs } from 'node:util';
import { langFrom, processIo, UsageError, usageMessage, type Io } from './common';
import { runExtract } from './extract';
import { runBake } from './bake';
import { runVerify } from './verify';
import { runLinkedIn, runOpen, runShare } from './share';
import { t } from '../../ui/messages';

export async function main(argv: readonly string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let lang = langFrom(undefined, env);
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        lang: { type: 'string' },
        out: { type: 'string', short: 'o' },
        'ob-version': { type: 'string' },
        recipient: { type: 'string', multiple: true },
        documents: { type: 'string' },
        now: { type: 'string' },
        offline: { type: 'boolean' },
        json: { type: 'boolean' },
        title: { type: 'string' },
        base: { type: 'string' },
        qr: { type: 'string' },
        'cert-url': { type: 'string' },
      },
    });
    lang = langFrom(values.lang, env);
    const [command, ...args] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.out(t(lang, 'cli.help'));
      return 0;
    }
    switch (command) {
      case 'extract':
        if (args.length === 0) throw new UsageError('cli.error.usage', { detail: 'extract FILE…' });
        return await runExtract(args, lang, io);
      case 'bake':
        return await runBake(args, { out: values.out, obVersion: values['ob-version'] }, lang, io);
      case 'verify':
        return await runVerify(
          args,
          {
            recipients: values.recipient ?? [],
            ...(values.documents !== undefined ? { documents: values.documents } : {}),
            ...(values.now !== undefined ? { now: values.now } : {}),
            offline: values.offline ?? false,
            json: values.json ?? false,
          },
          lang,
          io,
        );
      case 'share':
        return await runShare(
          args,
          {
            ...(values.title !== undefined ? { title: values.title } : {}),
            ...(values.base !== undefined ? { base: values.base } : {}),
            ...(values.qr !== undefined ? { qr: values.qr } : {}),
            ...(values.now !== undefined ? { now: values.now } : {}),
            json: values.json ?? false,
          },
          lang,
          io,
        );
      case 'open':
      case 'linkedin': {
        const verifyOptions = {
          recipients: values.recipient ?? [],
          ...(values.documents !== undefined ? { documents: values.documents } : {}),
          ...(values.now !== undefined ? { now: values.now } : {}),
          offline: values.offline ?? false,
        };
        if (command === 'open') return await runOpen(args, { ...verifyOptions, json: values.json ?? false }, lang, io);
        return await runLinkedIn(args, { ...verifyOptions, ...(values['cert-url'] !== undefined ? { certUrl: values['cert-url'] } : {}) }, lang, io);
      }
      default:
        throw new UsageError('cli.error.unknownCommand', { command });
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(usageMessage(lang, e));
      return 2;
    }
    // parseArgs reports unknown options and missing values with a TypeError carrying a code.
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.err(t(lang, 'cli.error.usage', { detail: (e as Error).message }));
      return 2;
    }
    throw e;
  }
}
