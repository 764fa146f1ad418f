/** ensureChromium without apt-get: the paths that need no root (the install itself runs in globalSetup). */
import { expect, it } from 'vitest';
import { ensureChromium, INSTALL_COMMAND } from '../support/ensureChromium';

it('returns the browser path when it is there', async () => {
  await expect(ensureChromium({ path: '/bin/sh', canInstall: false })).resolves.toBe('/bin/sh');
});

it('tells who cannot install the one command to run', async () => {
  const attempt = ensureChromium({ path: '/nonexistent/chromium', canInstall: false });
  await expect(attempt).rejects.toThrow(INSTALL_COMMAND);
  expect(INSTALL_COMMAND).toBe('sudo apt-get install -y chromium');
  const message = await attempt.then(String, (error: Error) => error.message);
  expect(message.split('\n').at(-1)).toBe(INSTALL_COMMAND); // the last line is the command, alone
});
