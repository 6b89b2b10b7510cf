/**
 * The gate at the HTTP edge: a route that touches person data builds its access context here,
 * which marks the request as gated. A route configured `personData: true` that answers with
 * success without having done so is stopped with a 500 rather than sending ungated data.
 */
import type { AccessPurpose } from '@kith/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { actorOf } from '../http/authenticate.js';
import type { AppDeps } from '../http/deps.js';
import type { AccessContext } from './gate.js';
import './route-config.js';

/** A route as the inventory keeps it: what the route inventory test checks against the gate. */
export interface InventoriedRoute {
  method: string;
  url: string;
  personData: boolean | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after the guard, for the route inventory test. */
    routeInventory: InventoriedRoute[];
  }
  interface FastifyRequest {
    /** Set when the handler built an access context: its person data went through the gate. */
    accessGated: boolean;
  }
}

/** The context of a staff request (the route's actor) or, on routes open to API clients, of the calling system. */
export function accessContext(request: FastifyRequest, deps: AppDeps, purpose?: AccessPurpose): AccessContext {
  request.accessGated = true;
  const facts = { now: deps.clock(), requestId: request.id, clientAddress: request.ip, purpose };
  if (request.apiClient) return { ...facts, actor: null, apiClient: request.apiClient };
  return { ...facts, actor: actorOf(request) };
}

export const accessGuard = fp(async (app: FastifyInstance) => {
  app.decorateRequest('accessGated', false);
  const inventory: InventoriedRoute[] = [];
  app.decorate('routeInventory', inventory);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) inventory.push({ method, url: route.url, personData: route.config?.personData });
  });
  app.addHook('onSend', async (request, reply) => {
    if (!request.routeOptions.config?.personData || reply.statusCode >= 400 || request.accessGated) return;
    request.log.error({ route: request.routeOptions.url }, 'a person-data route answered without the access gate');
    throw new Error('A person-data route answered without the access gate');
  });
});
