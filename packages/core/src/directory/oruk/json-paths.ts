/**
 * JSON paths for problems. Objects an import rebuilds around the publisher's own (a
 * service_at_location's service, a taxonomy's terms) are named by where the publisher wrote
 * them, so a problem points at the publisher's document, not at Kith's rebuilding.
 */
import type { Origins, RawObject } from './fields.js';

export class JsonPaths implements Origins {
  private readonly named = new WeakMap<RawObject, string>();

  name<T extends RawObject>(object: T, path: string): T {
    this.named.set(object, path);
    return object;
  }

  pathOf(object: RawObject, fallback: string): string {
    return this.named.get(object) ?? fallback;
  }

  rowProblems(): readonly { reason: string }[] {
    return [];
  }
}
