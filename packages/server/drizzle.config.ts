import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./packages/server/src/platform/db/schema.ts', './packages/server/src/platform/db/care-schema.ts', './packages/server/src/platform/db/directory-schema.ts', './packages/server/src/platform/db/social-prescribing-schema.ts', './packages/server/src/platform/db/enquiry-schema.ts'],
  out: './packages/server/migrations',
});
