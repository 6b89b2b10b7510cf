/**
 * The access gate over a whole agenda at once. An agenda lists people, so each person listed is
 * decided (a read of their identity) and, when shown, recorded: one audit event per person, in
 * the request's transaction. An agenda can hold hundreds of people, so the gate reads their
 * access facts in one statement first (gate.prefetch) and then decides for each by core's policy.
 *
 * A place on a network huddle's agenda is itself an open item at the network, so once the
 * agenda is written its people are open to the network's members; a person the reader still
 * may not open (an old agenda, say) stays on it, listed without name or reasons.
 */
import type { AccessGate } from '../../platform/access/index.js';

const IDENTITY = { kind: 'identity' } as const;

/**
 * Decides, for each person listed on a meeting's agenda, whether the reader may see who they
 * are; records one read event per person shown. Returns the people shown.
 */
export async function shownOnAgenda(gate: AccessGate, personIds: readonly string[], meetingId: string): Promise<Set<string>> {
  await gate.prefetch(personIds);
  const shown = new Set<string>();
  for (const personId of personIds) {
    if (!gate.hasFacts(personId)) continue; // no longer a person (never, as agenda items keep them)
    const decision = await gate.decide(personId, 'read', IDENTITY);
    if (!decision.allowed) continue;
    shown.add(personId);
    gate.recordEvent(gate.event(decision, { personId, action: 'read', resourceKind: 'identity', resourceId: `huddle_meeting:${meetingId}` }));
  }
  return shown;
}
