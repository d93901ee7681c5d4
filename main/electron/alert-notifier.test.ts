import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../shared/contract';
import { IPC_NAVIGATE_CHANNEL } from '../../shared/transport/ipc-names';
import { createBridge } from '../../preload/bridge';
import { IpcStandIn } from '../../test/support/ipc-stand-in';
import { EventBus } from '../kit/event-bus';
import { notifyAlerts, type DesktopNotifier } from './alert-notifier';
import { routeUrl, showRoute, type RouteWindow } from './window-route';

/**
 * A pulse alert's desktop notification, its click and the route it opens, under plain Node:
 * the Electron parts (Notification, BrowserWindow) are stand-ins of the slices they use.
 */

const alert = (id: string): AlertView => ({
  id,
  ruleId: 'rule-1',
  ruleName: 'Support answers',
  metric: 'scorecard_mean',
  condition: { type: 'below', value: 0.6 },
  value: 0.467,
  previousValue: null,
  window: { from: '2026-12-07T10:00:00.000Z', to: '2026-12-07T11:00:00.000Z' },
  firedAt: '2026-12-07T11:00:00.000Z',
  summary: 'scorecard mean 0.467 is below 0.600',
  interactionIds: [],
  traceIds: [],
  read: false,
  deliveries: { pending: 0, delivered: 0, failed: 0 },
});

interface Shown {
  readonly note: { title: string; body: string };
  readonly click: () => void;
}

function notifier(supported = true): DesktopNotifier & { shown: Shown[] } {
  const shown: Shown[] = [];
  return { shown, supported: () => supported, show: (note, click) => shown.push({ note, click }) };
}

/** A window as far as showRoute goes; its page is the preload bridge over the IPC stand-in. */
function fakeWindow(loading = false) {
  const standIn = new IpcStandIn(null);
  const calls: string[] = [];
  let onLoad: (() => void) | null = null;
  const window: RouteWindow = {
    isMinimized: () => true,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
    webContents: {
      send: (channel, ...args) => {
        calls.push(`send ${channel}`);
        standIn.webContents.send(channel, ...args);
      },
      isLoading: () => loading,
      once: (_event, listener) => (onLoad = listener),
    },
  };
  const routes: string[] = [];
  createBridge(standIn.ipcRenderer).onNavigate((route) => routes.push(route));
  return { window, calls, routes, load: () => onLoad?.() };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('pulse alert notifications', () => {
  it('a click focuses the window and opens that alert in the inbox', async () => {
    const bus = new EventBus();
    const desktop = notifier();
    const { window, calls, routes } = fakeWindow();
    notifyAlerts(bus, desktop, (route) => showRoute(window, route));
    bus.publish('pulse.alert', { alert: alert('01a2-alert&1'), unread: 3 });
    expect(desktop.shown.map((s) => s.note)).toEqual([
      {
        title: 'Assay alert: Support answers (3 unread)',
        body: 'scorecard mean 0.467 is below 0.600',
      },
    ]);
    expect(calls).toEqual([]);
    desktop.shown[0]!.click();
    await settle();
    expect(calls).toEqual(['restore', 'show', 'focus', `send ${IPC_NAVIGATE_CHANNEL}`]);
    // What the renderer receives: the inbox with this alert open, its id encoded.
    expect(routes).toEqual(['/pulse?alert=01a2-alert%261']);
  });

  it('asks a window that is still loading once it has loaded', async () => {
    const { window, routes, load } = fakeWindow(true);
    showRoute(window, '/pulse?alert=a1');
    await settle();
    expect(routes).toEqual([]);
    load();
    await settle();
    expect(routes).toEqual(['/pulse?alert=a1']);
  });

  it('shows nothing where the system has no notifications, and stops when asked', () => {
    const bus = new EventBus();
    const off = notifier(false);
    notifyAlerts(bus, off, () => undefined);
    const on = notifier();
    const stop = notifyAlerts(bus, on, () => undefined);
    bus.publish('pulse.alert', { alert: alert('a1'), unread: 1 });
    stop();
    bus.publish('pulse.alert', { alert: alert('a2'), unread: 2 });
    expect(off.shown).toEqual([]);
    expect(on.shown.map((s) => s.note.title)).toEqual(['Assay alert: Support answers']);
  });

  it('the bridge passes only workbench routes to the page', async () => {
    const standIn = new IpcStandIn(null);
    const routes: string[] = [];
    const stop = createBridge(standIn.ipcRenderer).onNavigate((r) => routes.push(r));
    for (const sent of ['https://evil.example/', '//evil.example', 42, '/pulse?alert=ok'])
      standIn.webContents.send(IPC_NAVIGATE_CHANNEL, sent);
    await settle();
    expect(routes).toEqual(['/pulse?alert=ok']);
    stop();
    expect(standIn.listenerCount(IPC_NAVIGATE_CHANNEL)).toBe(0);
  });

  it('a new window opens on the route (macOS, no window left)', () => {
    expect(routeUrl('app://assay/index.html', '/pulse?alert=a%261')).toBe(
      'app://assay/index.html#/pulse?alert=a%261',
    );
    expect(routeUrl('http://localhost:5173/', '/pulse?alert=x')).toBe(
      'http://localhost:5173/#/pulse?alert=x',
    );
  });
});
