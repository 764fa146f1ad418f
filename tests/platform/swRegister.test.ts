/**
 * The update flow's rules (src/platform/sw-register.ts) with a fake workbox-window: nothing
 * registers outside production, an update is offered and never applied on its own, "Reload"
 * activates the waiting worker and reloads only once it controls the page.
 */
import { describe, expect, it, vi } from 'vitest';
import { createServiceWorkerUpdates, type WorkboxLike } from '../../src/platform/sw-register';

type Event = { isUpdate?: boolean; isExternal?: boolean };

class FakeWorkbox implements WorkboxLike {
  readonly listeners = new Map<string, ((event: Event) => void)[]>();
  registered = 0;
  updates = 0;
  skipWaitingSent = 0;
  constructor(private readonly refuse = false) {}
  async register(): Promise<unknown> {
    this.registered += 1;
    if (this.refuse) throw new DOMException('refused', 'SecurityError');
    return {};
  }
  async update(): Promise<void> {
    this.updates += 1;
  }
  messageSkipWaiting(): void {
    this.skipWaitingSent += 1;
  }
  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, event: Event = {}): void {
    for (const l of this.listeners.get(type) ?? []) l(event);
  }
}

function setup(options: { enabled?: boolean; refuse?: boolean } = {}) {
  const wb = new FakeWorkbox(options.refuse);
  const reload = vi.fn();
  const updates = createServiceWorkerUpdates({ enabled: () => options.enabled ?? true, createWorkbox: async () => wb, reload, updateIntervalMs: 0 });
  return { wb, reload, updates };
}

describe('createServiceWorkerUpdates', () => {
  it('registers nothing when disabled (dev builds, no service worker support)', async () => {
    const { wb, updates } = setup({ enabled: false });
    expect(await updates.register()).toBe(false);
    expect(wb.registered).toBe(0);
  });

  it('registers once, however often it is asked', async () => {
    const { wb, updates } = setup();
    expect(await Promise.all([updates.register(), updates.register()])).toEqual([true, true]);
    expect(await updates.register()).toBe(true);
    expect(wb.registered).toBe(1);
  });

  it('says false when the browser refuses the registration (the app still runs online)', async () => {
    const { updates } = setup({ refuse: true });
    expect(await updates.register()).toBe(false);
  });

  it('offers a waiting version to every subscriber, late ones included, and never reloads on its own', async () => {
    const { wb, reload, updates } = setup();
    await updates.register();
    const early = vi.fn();
    updates.onUpdateAvailable(early);
    expect(early).not.toHaveBeenCalled();
    wb.emit('waiting', { isUpdate: true });
    expect(early).toHaveBeenCalledTimes(1);
    const late = vi.fn();
    updates.onUpdateAvailable(late);
    expect(late).toHaveBeenCalledTimes(1);
    expect(reload).not.toHaveBeenCalled();
    expect(wb.skipWaitingSent).toBe(0);
  });

  it('unsubscribes', async () => {
    const { wb, updates } = setup();
    await updates.register();
    const listener = vi.fn();
    const off = updates.onUpdateAvailable(listener);
    off();
    wb.emit('waiting');
    expect(listener).not.toHaveBeenCalled();
  });

  it('applyUpdate sends SKIP_WAITING and reloads once the new version controls the page', async () => {
    const { wb, reload, updates } = setup();
    await updates.register();
    wb.emit('waiting', { isUpdate: true });
    updates.applyUpdate();
    expect(wb.skipWaitingSent).toBe(1);
    expect(reload).not.toHaveBeenCalled();
    wb.emit('controlling', { isUpdate: true });
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does not reload when the first version takes the page (first visit)', async () => {
    const { wb, reload, updates } = setup();
    await updates.register();
    const ready = vi.fn();
    updates.onOfflineReady(ready);
    wb.emit('activated', { isUpdate: false });
    wb.emit('controlling', { isUpdate: false, isExternal: false });
    expect(reload).not.toHaveBeenCalled();
    expect(ready).toHaveBeenCalledTimes(1);
  });

  it('when another tab activated the update, keeps offering it, and Reload just reloads', async () => {
    const { wb, reload, updates } = setup();
    await updates.register();
    const offered = vi.fn();
    updates.onUpdateAvailable(offered);
    wb.emit('controlling', { isUpdate: true, isExternal: true });
    expect(reload).not.toHaveBeenCalled();
    expect(offered).toHaveBeenCalledTimes(1);
    updates.applyUpdate();
    expect(wb.skipWaitingSent).toBe(0);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('checkForUpdate asks the registration; nothing happens before registering', async () => {
    const { wb, updates } = setup();
    await updates.checkForUpdate();
    expect(wb.updates).toBe(0);
    await updates.register();
    await updates.checkForUpdate();
    expect(wb.updates).toBe(1);
  });
});
