/**
 * How a failed single sign-on is answered. The callback is a browser navigation, not a call
 * from the web app, so a browser gets a short page it can read (and a way back to sign in);
 * anything else gets the usual problem document. Both carry the same status.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, sendProblem } from '../../platform/http/problem.js';

const HEADINGS: Record<number, string> = {
  403: 'You cannot sign in with this account',
  404: 'Single sign-on is not set up',
  502: 'Your organisation’s sign-in service is not answering',
};

export function refuse(request: FastifyRequest, reply: FastifyReply, status: number, detail: string): FastifyReply {
  const path = request.url.split('?')[0];
  if (!(request.headers.accept ?? '').includes('text/html')) {
    return sendProblem(reply, { ...problem(status, detail), instance: path });
  }
  const heading = HEADINGS[status] ?? 'Sign-in did not work';
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(heading)} – Kith</title>
</head>
<body>
<main id="maincontent">
<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(detail)}</p>
<p><a href="/sign-in">Go back to sign in</a></p>
</main>
</body>
</html>
`;
  return reply.code(status).type('text/html; charset=utf-8').send(page);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
