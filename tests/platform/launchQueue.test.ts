/** Files opened with the installed app (src/platform/launchQueue.ts), with a fake launch queue. */
import { describe, expect, it, vi } from 'vitest';
import { onLaunchedFiles, readLaunchedFiles, type FileHandleLike, type LaunchParamsLike, type LaunchQueueLike } from '../../src/platform/launchQueue';
import type { ImportInput } from '../../src/app/types';

const handle = (name: string, content: string): FileHandleLike => ({
  kind: 'file',
  name,
  getFile: async () => new File([content], name),
});

function fakeQueue() {
  let consumer: ((params: LaunchParamsLike) => void) | undefined;
  const queue: LaunchQueueLike = { setConsumer: (c) => (consumer = c) };
  return { queue, launch: (params: LaunchParamsLike) => consumer?.(params) };
}

describe('onLaunchedFiles', () => {
  it('says false when the browser has no launch queue', () => {
    expect(onLaunchedFiles(() => undefined, undefined)).toBe(false);
  });

  it('hands over each launch’s files as inputs, with their names and bytes', async () => {
    const { queue, launch } = fakeQueue();
    const received: { inputs: ImportInput[]; unreadable: number }[] = [];
    expect(onLaunchedFiles((inputs, unreadable) => received.push({ inputs, unreadable }), queue)).toBe(true);
    launch({ files: [handle('a.json', '{}'), handle('b.jws', 'x.y.z')] });
    launch({ files: [] }); // a plain launch: nothing to say
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toEqual({
      inputs: [
        { kind: 'file', name: 'a.json', bytes: new TextEncoder().encode('{}') },
        { kind: 'file', name: 'b.jws', bytes: new TextEncoder().encode('x.y.z') },
      ],
      unreadable: 0,
    });
  });

  it('counts the files it could not read, and skips directories', async () => {
    const gone: FileHandleLike = {
      kind: 'file',
      name: 'gone.png',
      getFile: async () => {
        throw new DOMException('gone', 'NotFoundError');
      },
    };
    const directory: FileHandleLike = { kind: 'directory', name: 'folder', getFile: async () => new File([], 'folder') };
    expect(await readLaunchedFiles({ files: [gone, directory, handle('ok.svg', '<svg/>')] })).toEqual({
      inputs: [{ kind: 'file', name: 'ok.svg', bytes: new TextEncoder().encode('<svg/>') }],
      unreadable: 1,
    });
  });
});
