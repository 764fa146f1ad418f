/**
 * The browser tests use Debian's Chromium, never a browser download (`npx playwright install` cannot
 * work on a machine that reaches only the package registries).
 *
 * `ensureChromium()` returns the path of the browser. When it is missing and we are root on a machine
 * with apt-get (CI on a fresh machine is), it installs Debian's `chromium` package and says so; anyone
 * else gets an error that names the one command to run. Called once per test run, from the vitest
 * globalSetup (tests/globalSetup.browser.ts), never per test file.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** What a person who is not root runs to get the browser. */
export const INSTALL_COMMAND = 'sudo apt-get install -y chromium';

const APT_GET = '/usr/bin/apt-get';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function log(line: string): void {
  process.stdout.write(`[ensureChromium] ${line}\n`);
}

/** Run a command with its output shown, resolve on exit 0, reject with the command line otherwise. */
function run(command: string, args: readonly string[]): Promise<void> {
  const line = [command, ...args].join(' ');
  log(`$ ${line}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.once('error', (error) => reject(new Error(`${line}: ${error.message}`)));
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${line} exited with ${signal ?? `code ${String(code)}`}`));
    });
  });
}

export interface EnsureChromiumOptions {
  /** Where the browser lives; Debian's package puts it here. */
  readonly path?: string;
  /** Whether this process may install packages. Default: running as root with apt-get present. */
  readonly canInstall?: boolean;
}

export async function ensureChromium(options: EnsureChromiumOptions = {}): Promise<string> {
  const path = options.path ?? CHROMIUM_PATH;
  if (isExecutable(path)) return path;

  const canInstall = options.canInstall ?? (process.getuid?.() === 0 && existsSync(APT_GET));
  if (!canInstall) {
    throw new Error(`Chromium is missing (${path}); the browser tests use Debian's package. Run:\n${INSTALL_COMMAND}`);
  }

  const started = Date.now();
  log(`${path} is missing: installing Debian's chromium package with apt-get (we are root).`);
  // Another process (a second test run, an engineer's apt-get) may hold the dpkg lock: wait for it.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
  await run(APT_GET, [...lockWait, 'update']);
  await run(APT_GET, [...lockWait, 'install', '-y', 'chromium']);
  if (!isExecutable(path)) {
    throw new Error(`apt-get installed chromium but ${path} is still missing. Run:\n${INSTALL_COMMAND}`);
  }
  log(`installed ${path} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return path;
}
