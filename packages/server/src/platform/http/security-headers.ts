/**
 * Security headers on every answer (helmet), with a strict Content-Security-Policy: the web app
 * loads only its own scripts, styles, images and fonts, and no page may frame it. The API
 * documentation pages set their own policy for the scripts they need.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export async function registerSecurityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Kith is served over plain HTTP on a developer's machine; production sits behind TLS,
    // where the proxy sets Strict-Transport-Security for the whole host.
    strictTransportSecurity: false,
  });
}
