/**
 * The demo borough's repeat medicines, so that the trusted assessment shows what the GP record
 * says a person takes, as it would after an import: everyone with essential hypertension, type 2
 * diabetes or heart failure takes the medicine usually started for it, from a month after the
 * condition was recorded (or two years ago when no date was recorded). The same borough gets the
 * same medicines: each id is made from the condition's.
 *
 * Each medicine is one SNOMED CT clinical drug, the code a MedicationStatement import keeps
 * (docs/import.md): each code here is the product's SNOMED CT concept.
 */
import { SYNTH_SOURCE_SYSTEM } from '@kith/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/client.js';

interface DemoMedicine {
  /** The condition, as the synthetic borough codes it (SNOMED CT). */
  condition: string;
  code: string;
  display: string;
  dosage: string;
}

const DEMO_MEDICINES: readonly DemoMedicine[] = [
  // Essential hypertension: amlodipine besilate 5 mg conventional release oral tablet.
  { condition: '59621000', code: '319283006', display: 'Amlodipine 5mg tablets', dosage: 'One tablet each morning' },
  // Type 2 diabetes: metformin hydrochloride 500 mg prolonged-release oral tablet.
  { condition: '44054006', code: '765507008', display: 'Metformin 500mg modified-release tablets', dosage: 'One tablet with the evening meal' },
  // Heart failure: furosemide 40 mg oral tablet.
  { condition: '84114007', code: '317972000', display: 'Furosemide 40mg tablets', dosage: 'One tablet each morning' },
];

/** Writes the medicines, once: each keeps the source id of the condition it follows. How many. */
export async function seedDemoMedicines(db: Db, referenceDate: string): Promise<number> {
  const [written] = await rowsOf<{ count: number }>(
    db,
    sql`WITH written AS (
          INSERT INTO medication (id, person_id, code_system, code, display, dosage, status, start_date, source_system, source_id)
          SELECT md5('medication:' || c.source_id)::uuid, c.person_id, 'snomed', m.code, m.display, m.dosage, 'active',
                 least(coalesce(c.onset_date + 30, ${referenceDate}::date - 730), ${referenceDate}::date), ${SYNTH_SOURCE_SYSTEM}, 'medication:' || c.source_id
          FROM condition c
          JOIN jsonb_to_recordset(${JSON.stringify(DEMO_MEDICINES)}::jsonb) AS m(condition text, code text, display text, dosage text)
            ON m.condition = c.code AND c.code_system = 'snomed'
          ON CONFLICT (source_system, source_id) DO NOTHING
          RETURNING 1)
        SELECT count(*)::int AS count FROM written`,
  );
  return written?.count ?? 0;
}
