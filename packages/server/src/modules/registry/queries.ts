/** The alliance's structure: partner organisations, GP practices, networks and staff. */
import { and, asc, eq, ilike } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { network, organisation, practice, staff, staffRole } from '../../platform/db/schema.js';

export function listOrganisations(db: Db) {
  return db
    .select({ id: organisation.id, name: organisation.name, type: organisation.type, odsCode: organisation.odsCode })
    .from(organisation)
    .orderBy(asc(organisation.name));
}

const practiceColumns = {
  id: practice.id,
  name: organisation.name,
  odsCode: organisation.odsCode,
  networkId: practice.networkId,
  networkName: network.name,
  addressLine1: practice.addressLine1,
  addressLine2: practice.addressLine2,
  town: practice.town,
  postcode: practice.postcode,
  phone: practice.phone,
};

export function listPractices(db: Db, networkId?: string) {
  const query = db
    .select(practiceColumns)
    .from(practice)
    .innerJoin(organisation, eq(organisation.id, practice.id))
    .innerJoin(network, eq(network.id, practice.networkId));
  return (networkId ? query.where(eq(practice.networkId, networkId)) : query).orderBy(asc(organisation.name));
}

export async function listNetworks(db: Db) {
  const [networks, practices] = await Promise.all([
    db.select({ id: network.id, name: network.name }).from(network).orderBy(asc(network.name)),
    listPractices(db),
  ]);
  return networks.map((n) => ({
    ...n,
    practices: practices.filter((p) => p.networkId === n.id).map((p) => ({ id: p.id, name: p.name, odsCode: p.odsCode })),
  }));
}

interface StaffView {
  id: string;
  name: string;
  email: string;
  disabled: boolean;
  roles: { organisationId: string; organisationName: string; role: string }[];
}

export interface StaffFilter {
  organisationId?: string;
  id?: string;
  /** Part of the name, any case. */
  name?: string;
  /** At most this many staff (each with all their roles). */
  limit?: number;
}

/** Staff with their roles; never the password hash. */
export async function listStaff(db: Db, filter: StaffFilter = {}) {
  const rows = await db
    .select({
      id: staff.id,
      name: staff.name,
      email: staff.email,
      disabled: staff.disabled,
      organisationId: staffRole.organisationId,
      organisationName: organisation.name,
      role: staffRole.role,
    })
    .from(staff)
    .innerJoin(staffRole, eq(staffRole.staffId, staff.id))
    .innerJoin(organisation, eq(organisation.id, staffRole.organisationId))
    .where(
      and(
        filter.organisationId ? eq(staffRole.organisationId, filter.organisationId) : undefined,
        filter.id ? eq(staff.id, filter.id) : undefined,
        filter.name ? ilike(staff.name, `%${filter.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
      ),
    )
    .orderBy(asc(staff.name), asc(staff.id));
  const byId = new Map<string, StaffView>();
  for (const { organisationId: oid, organisationName, role, ...s } of rows) {
    const entry = byId.get(s.id) ?? { ...s, roles: [] };
    entry.roles.push({ organisationId: oid, organisationName, role });
    byId.set(s.id, entry);
  }
  return [...byId.values()].slice(0, filter.limit ?? Number.MAX_SAFE_INTEGER);
}
