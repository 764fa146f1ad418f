/**
 * Two tabs: two backpacks, each with its own connection to the same database and its own
 * BroadcastChannel of one name (Node's BroadcastChannel delivers between channel objects as
 * browsers do between tabs). And a tab whose database is upgraded by another tab.
 */
import { wrap } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackpack, type Backpack } from '../../src/app/backpack';
import { closeBesaceDb, DB_VERSION, openBesaceDb, type BesaceDb } from '../../src/storage/db';
import { corpusVerifier, file, freshFactory, makeClock } from './support';

const closeLater: (() => void)[] = [];
afterEach(() => {
  while (closeLater.length) closeLater.pop()!();
});

let channels = 0;
async function twoTabs() {
  const factory = freshFactory();
  const clock = makeClock();
  const name = `besace-test-${++channels}`;
  const tab = async (): Promise<Backpack> => {
    const channel = new BroadcastChannel(name);
    const db = await openBesaceDb('besace', { indexedDB: factory });
    const backpack = createBackpack({ db, verifier: await corpusVerifier(clock), now: clock.now, channel });
    closeLater.push(() => {
      backpack.close();
      channel.close();
      db.close();
    });
    return backpack;
  };
  return { first: await tab(), second: await tab() };
}

const nextChange = (backpack: Backpack) =>
  new Promise<void>((resolve) => {
    const unsubscribe = backpack.subscribe(() => {
      unsubscribe();
      resolve();
    });
  });

describe('a second tab', () => {
  it('sees the first tab\'s changes, and is told about them', async () => {
    const { first, second } = await twoTabs();
    const told = nextChange(second);
    const staged = await first.stage([file('1edtech-dcpv/ob20/simple-badge.png')]);
    await first.accept(staged);
    await told;
    expect(await second.list()).toEqual(await first.list());

    const toldAgain = nextChange(first);
    await second.addIdentity('ann@example.org');
    await toldAgain;
    expect(await first.identities()).toEqual(await second.identities());

    const removal = nextChange(second);
    const undo = await first.remove((await first.list())[0]!.id);
    await removal;
    expect(await second.list()).toEqual([]);
    const back = nextChange(second);
    await undo.undo();
    await back;
    expect(await second.list()).toHaveLength(1);
  });

  it('ignores messages that are not Besace\'s', async () => {
    const { second } = await twoTabs();
    let calls = 0;
    second.subscribe(() => calls++);
    const stranger = new BroadcastChannel(`besace-test-${channels}`);
    stranger.postMessage({ type: 'something-else' });
    stranger.postMessage('besace:changed');
    await new Promise((r) => setTimeout(r, 50));
    stranger.close();
    expect(calls).toBe(0);
  });
});

describe('a tab whose database another tab upgrades', () => {
  it('lets go of its connection, says so, and then reports DB_BLOCKED until it reloads', async () => {
    const factory = freshFactory();
    const clock = makeClock();
    let blocking = 0;
    const opens: number[] = [];
    const backpack = createBackpack({
      db: () => {
        opens.push(Date.now());
        return openBesaceDb('besace', { indexedDB: factory, onBlocking: () => blocking++ });
      },
      verifier: await corpusVerifier(clock),
      now: clock.now,
      channel: null,
    });
    closeLater.push(() => backpack.close());
    await backpack.addIdentity('ann@example.org');
    expect(opens).toHaveLength(1);
    await backpack.addIdentity('bob@example.org'); // the same connection
    expect(opens).toHaveLength(1);

    const newer = await wrap(factory.open('besace', DB_VERSION + 1));
    expect(blocking).toBe(1);
    await expect(backpack.identities()).rejects.toMatchObject({ code: 'DB_BLOCKED' });
    expect(opens).toHaveLength(2);
    newer!.close();
  });

  it('opens again when its connection was taken away (terminated)', async () => {
    const factory = freshFactory();
    const clock = makeClock();
    const connections: BesaceDb[] = [];
    const backpack = createBackpack({
      db: async () => {
        const db = await openBesaceDb('besace', { indexedDB: factory });
        connections.push(db);
        return db;
      },
      verifier: await corpusVerifier(clock),
      now: clock.now,
      channel: null,
    });
    closeLater.push(() => backpack.close());
    await backpack.addIdentity('ann@example.org');
    closeBesaceDb(connections[0]!); // as the browser's "close" event marks it
    expect((await backpack.identities()).map((i) => i.value)).toEqual(['ann@example.org']);
    expect(connections).toHaveLength(2);
  });
});
