import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache.js';

const actor = { staffId: 's1', name: 'Nurse', email: 'n@example.test', roles: [] };
const at = (seconds: number) => new Date(Date.UTC(2026, 5, 1, 9, 0, seconds));

describe('the session cache', () => {
  it('answers for the configured seconds only', () => {
    const cache = new SessionCache(5);
    cache.set('h', actor, at(0), at(0), at(3600));
    expect(cache.get('h', at(4), 30)).toBe(actor);
    expect(cache.get('h', at(5), 30)).toBeUndefined();
  });

  it('never answers past the session’s own absolute or idle limit', () => {
    const cache = new SessionCache(30);
    cache.set('h', actor, at(0), at(0), at(10));
    expect(cache.get('h', at(10), 30)).toBeUndefined();
    const idle = new SessionCache(30);
    idle.set('h', actor, at(0), new Date(at(0).getTime() - 30 * 60_000 + 2000), at(3600));
    expect(idle.get('h', at(1), 30)).toBe(actor);
    expect(idle.get('h', at(2), 30)).toBeUndefined();
  });

  it('forgets a session signed out here, keeps nothing when switched off, and stays bounded', () => {
    const cache = new SessionCache(5, 2);
    cache.set('a', actor, at(0), at(0), at(3600));
    cache.delete('a');
    expect(cache.get('a', at(1), 30)).toBeUndefined();
    const off = new SessionCache(0);
    off.set('a', actor, at(0), at(0), at(3600));
    expect(off.get('a', at(0), 30)).toBeUndefined();
    for (const key of ['x', 'y', 'z']) cache.set(key, actor, at(0), at(0), at(3600));
    expect(cache.get('x', at(1), 30)).toBeUndefined();
    expect(cache.get('z', at(1), 30)).toBe(actor);
  });
});
