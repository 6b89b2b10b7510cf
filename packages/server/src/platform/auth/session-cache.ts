/**
 * A few seconds' memory of sessions this instance has just checked, so a busy user's requests
 * do not each cost a database round trip. The database stays the only record of sessions: an
 * entry is trusted for at most `seconds`, never past the session's own idle or absolute limit,
 * and signing out removes it here at once. On another instance, a sign-out or a disabled
 * account takes effect within those seconds.
 */
import type { Actor } from './session.js';

interface Entry {
  actor: Actor;
  checkedAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly seconds: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(tokenHash: string, now: Date, idleMinutes: number): Actor | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    const t = now.getTime();
    const fresh = t - entry.checkedAt < this.seconds * 1000 && t >= entry.checkedAt;
    const live = t < entry.expiresAt && t - entry.lastSeenAt < idleMinutes * 60_000;
    if (fresh && live) return entry.actor;
    this.entries.delete(tokenHash);
    return undefined;
  }

  set(tokenHash: string, actor: Actor, now: Date, lastSeenAt: Date, expiresAt: Date): void {
    if (this.seconds <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { actor, checkedAt: now.getTime(), lastSeenAt: lastSeenAt.getTime(), expiresAt: expiresAt.getTime() });
  }

  delete(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  /** An account disabled or changed here stops being trusted here at once. */
  forgetStaff(staffId: string): void {
    for (const [tokenHash, entry] of this.entries) if (entry.actor.staffId === staffId) this.entries.delete(tokenHash);
  }
}
