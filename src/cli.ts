/**
 * The Besace command line: the same src/core as the app, for earners with many files and for
 * recruiters checking a shared link. `npm run cli -- --help` documents every command; the
 * JSON output of each command is part of the product and stays stable.
 */
import { main } from './node/cli/main';

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 70;
  },
);
