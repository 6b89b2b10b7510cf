/**
 * Every API route says whether it touches person data. Those that do (`personData: true`) must
 * pass every request through the access gate (gate.ts); the route inventory test refuses a route
 * under /api/v1 that does not say, so a new route cannot slip past the gate unnoticed.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** true: the handler reads or writes person data through the access gate; false: it does not. */
    personData?: boolean;
  }
}

export {};
