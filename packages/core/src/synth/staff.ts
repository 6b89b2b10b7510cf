/**
 * Staff of the synthetic borough: one demo account per role with a predictable email, so anyone
 * trying Kith can sign in as each kind of user (security.md, "Roles"), and generated staff in
 * numbers that grow with the borough: GPs and nurses per practice, the multidisciplinary team
 * of each Integrated Community Network, coordinators, and borough-wide teams.
 */
import { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from '../registry/roles.js';
import { drawFamilyName, drawGivenName, drawNameGroup, emailWord } from './names.js';
import type { PartnerKey } from './organisations.js';
import type { Random } from './random.js';
import type { OrganisationRow, StaffRoleRow, StaffRow, TeamMemberRow, TeamRow } from './rows.js';

/** One password for every synthetic account; 18 characters, past NCSC's minimum of 12. */
export const DEMO_PASSWORD = 'kith-demo-password';
export const DEMO_EMAIL_DOMAIN = 'demo.kith.test';

/** Where a member of staff works: a partner, the practice, and which team. */
export type Workplace = PartnerKey | 'practice';
export type TeamKind = 'icn' | 'coordinators' | 'independentLiving' | 'pointOfAccess';

interface DemoAccountPlan {
  role: StaffRole;
  name: string;
  at: Workplace;
  team?: TeamKind;
}

const DEMO_PLANS: readonly DemoAccountPlan[] = [
  { role: 'gp', name: 'Dr Asha Patel', at: 'practice', team: 'icn' },
  { role: 'nurse', name: 'Grace Mensah', at: 'trust', team: 'icn' },
  { role: 'pharmacist', name: 'Tomasz Nowak', at: 'gpCollaborative', team: 'icn' },
  { role: 'therapist', name: 'Sophie Turner', at: 'trust', team: 'icn' },
  { role: 'mental_health', name: 'Daniel Okonkwo', at: 'mentalHealthTrust', team: 'icn' },
  { role: 'social_worker', name: 'Fatima Hussain', at: 'council', team: 'icn' },
  { role: 'coordinator', name: 'Chloe Bennett', at: 'voluntary', team: 'coordinators' },
  { role: 'independent_living', name: 'Marcus Campbell', at: 'council', team: 'independentLiving' },
  { role: 'volunteer', name: 'Margaret Wood', at: 'voluntary', team: 'pointOfAccess' },
  { role: 'network_lead', name: 'Dr Ravi Sharma', at: 'gpCollaborative', team: 'icn' },
  { role: 'commissioner', name: 'Helen Clarke', at: 'commissioner' },
  { role: 'analyst', name: 'Wei Chen', at: 'commissioner' },
  { role: 'privacy_officer', name: 'Joanna Kowalska', at: 'trust' },
  { role: 'admin', name: 'Sam Harris', at: 'trust' },
];

/** gp@demo.kith.test, mental-health@demo.kith.test, ... */
export function demoEmail(role: StaffRole): string {
  return `${role.replace(/_/g, '-')}@${DEMO_EMAIL_DOMAIN}`;
}

/** The demo sign-ins, known without a database: every role, its email, one password. */
export const DEMO_SIGN_INS: ReadonlyArray<{ role: StaffRole; roleLabel: string; email: string; name: string }> =
  STAFF_ROLES.map((role) => {
    const plan = DEMO_PLANS.find((p) => p.role === role);
    if (!plan) throw new Error(`No demo account planned for role ${role}`);
    return { role, roleLabel: STAFF_ROLE_LABELS[role], email: demoEmail(role), name: plan.name };
  });

export interface DemoAccount {
  email: string;
  role: StaffRole;
  roleLabel: string;
  name: string;
  organisation: string;
  team: string | null;
}

/** What staff generation needs to know about the borough. */
export interface StaffingContext {
  partners: Record<PartnerKey, OrganisationRow>;
  practices: ReadonlyArray<{ organisation: OrganisationRow; expectedListSize: number }>;
  networkTeams: ReadonlyArray<Record<'icn' | 'coordinators', TeamRow> & { population: number }>;
  boroughTeams: Record<'independentLiving' | 'pointOfAccess', TeamRow>;
  size: number;
}

export interface Staffing {
  staff: StaffRow[];
  staffRoles: StaffRoleRow[];
  teamMembers: TeamMemberRow[];
  demoAccounts: DemoAccount[];
}

export function planStaff(random: Random, context: StaffingContext): Staffing {
  const staffing: Staffing = { staff: [], staffRoles: [], teamMembers: [], demoAccounts: [] };
  for (const plan of DEMO_PLANS) addDemoAccount(random, context, staffing, plan);
  let sequence = 0;
  const hire: Hire = (role, organisation, team, count) => {
    for (let i = 0; i < count; i++) addStaff(random, staffing, role, organisation, team, ++sequence);
  };
  for (const p of context.practices) {
    // About one GP per 1,800 patients and a practice nurse per 5,000 (NHS Digital GP workforce).
    hire('gp', p.organisation, null, Math.max(1, Math.round(p.expectedListSize / 1800)));
    hire('nurse', p.organisation, null, Math.max(1, Math.round(p.expectedListSize / 5000)));
  }
  for (const teams of context.networkTeams) hireNetworkTeam(hire, context.partners, teams);
  const { partners } = context;
  const perBorough = (people: number, least: number) => Math.max(least, Math.round(context.size / people));
  hire('independent_living', partners.council, context.boroughTeams.independentLiving, perBorough(20_000, 3));
  hire('volunteer', partners.voluntary, context.boroughTeams.pointOfAccess, perBorough(25_000, 3));
  hire('commissioner', partners.commissioner, null, 2);
  hire('analyst', partners.commissioner, null, 2);
  hire('privacy_officer', partners.trust, null, 1);
  hire('admin', partners.trust, null, 2);
  return staffing;
}

type Hire = (role: StaffRole, organisation: OrganisationRow, team: TeamRow | null, count: number) => void;

/** A network's multidisciplinary team and coordinators, in proportion to the people it serves. */
function hireNetworkTeam(hire: Hire, partners: Record<PartnerKey, OrganisationRow>, teams: StaffingContext['networkTeams'][number]): void {
  const per = (people: number, least: number) => Math.max(least, Math.round(teams.population / people));
  hire('network_lead', partners.gpCollaborative, teams.icn, 1);
  hire('nurse', partners.trust, teams.icn, per(6000, 2));
  hire('therapist', partners.trust, teams.icn, per(15_000, 1));
  hire('pharmacist', partners.gpCollaborative, teams.icn, per(30_000, 1));
  hire('mental_health', partners.mentalHealthTrust, teams.icn, per(20_000, 1));
  hire('social_worker', partners.council, teams.icn, per(15_000, 1));
  hire('coordinator', partners.voluntary, teams.coordinators, per(10_000, 2));
}

function addDemoAccount(random: Random, context: StaffingContext, staffing: Staffing, plan: DemoAccountPlan): void {
  const organisation = plan.at === 'practice' ? context.practices[0]!.organisation : context.partners[plan.at];
  const team = teamFor(context, plan.team);
  const staff: StaffRow = { id: random.uuid(), email: demoEmail(plan.role), name: plan.name };
  record(staffing, staff, plan.role, organisation, team);
  staffing.demoAccounts.push({
    email: staff.email,
    role: plan.role,
    roleLabel: STAFF_ROLE_LABELS[plan.role],
    name: staff.name,
    organisation: organisation.name,
    team: team?.name ?? null,
  });
}

/** Demo accounts that sit on a network team join the first network's, with the demo GP. */
function teamFor(context: StaffingContext, kind: TeamKind | undefined): TeamRow | null {
  if (kind === undefined) return null;
  if (kind === 'icn' || kind === 'coordinators') return context.networkTeams[0]![kind];
  return context.boroughTeams[kind];
}

function addStaff(random: Random, staffing: Staffing, role: StaffRole, organisation: OrganisationRow, team: TeamRow | null, sequence: number): void {
  const group = drawNameGroup(random);
  const female = random.chance(role === 'nurse' || role === 'coordinator' ? 0.85 : 0.55);
  const given = drawGivenName(random, group, female, random.between(1960, 2000));
  const family = drawFamilyName(random, group, female);
  const title = role === 'gp' ? 'Dr ' : '';
  const email = `${emailWord(given)}.${emailWord(family)}.${sequence}@staff.kith.test`;
  record(staffing, { id: random.uuid(), email, name: `${title}${given} ${family}` }, role, organisation, team);
}

/** A phone number from Ofcom's drama range, by the staff member's place in the list: no randomness drawn. */
function dramaPhone(index: number): string {
  return `020 7946 0${String(index % 1000).padStart(3, '0')}`;
}

function record(staffing: Staffing, staff: StaffRow, role: StaffRole, organisation: OrganisationRow, team: TeamRow | null): void {
  staffing.staff.push({ ...staff, phone: dramaPhone(staffing.staff.length) });
  staffing.staffRoles.push({ staffId: staff.id, organisationId: organisation.id, role });
  if (team) staffing.teamMembers.push({ teamId: team.id, staffId: staff.id });
}
