/**
 * Serves the built web app (packages/web/dist) when it exists. Any page path that is not a
 * file falls back to index.html so the app's own router can answer deep links.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const webAppRoot = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

export async function registerWebApp(app: FastifyInstance, root = webAppRoot) {
  if (!existsSync(`${root}/index.html`)) return;
  await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
  app.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.type('text/html').sendFile('index.html');
  });
}
