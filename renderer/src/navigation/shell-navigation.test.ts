import { describe, expect, it } from 'vitest';
import { alertRoute } from '../../../shared/app-routes';
import { pulseViewOf } from '../pages/pulse/pulse-route';
import { followShellRoutes } from './shell-navigation';

describe('routes the desktop shell asks for', () => {
  it('opens an alert route as the inbox with that alert', () => {
    let listener: ((route: string) => void) | null = null;
    const opened: string[] = [];
    const stop = followShellRoutes(
      {
        onNavigate: (l) => {
          listener = l;
          return () => (listener = null);
        },
      },
      (route) => opened.push(route),
    );
    listener!(alertRoute('01a2/alert 1'));
    // Not a route of the workbench: a bridge that let one through is still not followed.
    listener!('https://evil.example/');
    expect(opened).toEqual(['/pulse?alert=01a2%2Falert%201']);
    expect(pulseViewOf(opened[0]!, '')).toEqual({
      tab: 'inbox',
      alert: '01a2/alert 1',
      unreadOnly: false,
    });
    stop();
    expect(listener).toBeNull();
  });

  it('listens to nothing in a browser (no bridge)', () => {
    expect(followShellRoutes(undefined)()).toBeUndefined();
  });
});
