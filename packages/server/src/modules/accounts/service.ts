/**
 * Staff accounts, managed by administrators: create, disable or enable, change roles, set a
 * password. Administrators manage accounts and never read clinical records (security.md); a
 * disabled account's sessions end at once, and a change of roles ends them too, so the next
 * request is made with what the account may now do.
 */
import { randomUUID } from 'node:crypto';
import { DomainError, passwordProblem, type StaffRole } from '@kith/core';
import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/session.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { Db } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { organisation, staff, staffRole, staffSession } from '../../platform/db/schema.js';

export interface RoleGrantInput {
  organisationId: string;
  role: StaffRole;
}

export interface AccountCreate {
  email: string;
  name: string;
  password: string;
  roles: RoleGrantInput[];
}

export interface AccountChange {
  name?: string;
  disabled?: boolean;
  roles?: RoleGrantInput[];
}

export function requireAdministrator(actor: Actor): void {
  if (!actor.roles.some((r) => r.role === 'admin')) {
    throw new DomainError('forbidden', 'Only an administrator can manage staff accounts');
  }
}

function checkPassword(password: string, context: { email?: string; name?: string }) {
  const problem = passwordProblem(password, context);
  if (problem) throw DomainError.field('password', problem);
}

async function checkOrganisations(db: Db, roles: RoleGrantInput[]) {
  const ids = [...new Set(roles.map((r) => r.organisationId))];
  if (ids.length === 0) return;
  const found = await db.select({ id: organisation.id }).from(organisation).where(inArray(organisation.id, ids));
  const known = new Set(found.map((f) => f.id));
  roles.forEach((r, i) => {
    if (!known.has(r.organisationId)) throw DomainError.field(`roles.${i}.organisationId`, 'No organisation has this id');
  });
}

export async function createAccount(db: Db, input: AccountCreate): Promise<string> {
  const email = input.email.trim().toLowerCase();
  checkPassword(input.password, { email, name: input.name });
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await checkOrganisations(tx, input.roles);
    try {
      await tx.insert(staff).values({ id, email, name: input.name, passwordHash });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('duplicate', 'An account with this email exists', [{ field: 'email', reason: 'Already used by another account' }]);
      throw error;
    }
    await replaceRoles(tx, id, input.roles);
  });
  return id;
}

export async function changeAccount(db: Db, id: string, change: AccountChange): Promise<void> {
  await db.transaction(async (tx) => {
    const [account] = await tx.select({ id: staff.id }).from(staff).where(eq(staff.id, id));
    if (!account) throw new DomainError('not_found', 'No member of staff has this id');
    if (change.roles) await checkOrganisations(tx, change.roles);
    if (change.name !== undefined || change.disabled !== undefined) {
      await tx.update(staff).set({ name: change.name, disabled: change.disabled }).where(eq(staff.id, id));
    }
    if (change.roles) await replaceRoles(tx, id, change.roles);
    if (change.disabled || change.roles) await tx.delete(staffSession).where(eq(staffSession.staffId, id));
  });
}

export async function setPassword(db: Db, id: string, password: string): Promise<void> {
  const [account] = await db.select().from(staff).where(eq(staff.id, id));
  if (!account) throw new DomainError('not_found', 'No member of staff has this id');
  checkPassword(password, { email: account.email, name: account.name });
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(staff).set({ passwordHash }).where(eq(staff.id, id));
    await tx.delete(staffSession).where(eq(staffSession.staffId, id));
  });
}

async function replaceRoles(db: Db, staffId: string, roles: RoleGrantInput[]) {
  await db.delete(staffRole).where(eq(staffRole.staffId, staffId));
  const unique = new Map(roles.map((r) => [`${r.organisationId}:${r.role}`, r]));
  if (unique.size > 0) await db.insert(staffRole).values([...unique.values()].map((r) => ({ staffId, ...r })));
}
