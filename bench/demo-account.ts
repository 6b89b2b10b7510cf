import { DEMO_PASSWORD } from '@kith/core';

/** Signs in as the demo GP that every synthetic borough has, returning the cookie header. */
export async function demoSignIn(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'gp@demo.kith.test', password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`demo sign-in failed: ${res.status}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0]!;
}
