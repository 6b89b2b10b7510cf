/**
 * Ids that sort in the order they were made (UUID version 7, RFC 9562). An episode's history and
 * a person's episodes are listed in time order, and two changes can carry the same request time
 * (one clock for the whole request, to the millisecond); the id then keeps them in the order they
 * were made. The id's own time is the machine's clock, used for ordering and nothing else.
 */
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

export function timeOrderedId(): string {
  const ms = Math.max(Date.now(), lastMs);
  // Within one millisecond a 12-bit counter keeps the order; past 4,095 the clock is moved on.
  sequence = ms === lastMs ? sequence + 1 : 0;
  lastMs = sequence > 0xfff ? ms + 1 : ms;
  if (sequence > 0xfff) sequence = 0;
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
