/**
 * `kith postcodes import FILE`: loads postcode centroids (for distance in the directory) from a
 * CSV with a postcode, latitude and longitude column, such as the ONS Postcode Directory, into
 * the configured database (DATABASE_URL, or the embedded PGlite in KITH_DATA_DIR).
 */
import { loadConfig } from '../config.js';
import { openDatabase } from '../platform/db/client.js';
import { loadPostcodeFile } from '../modules/directory/postcodes.js';

const USAGE = 'Usage: kith postcodes import FILE   (a CSV with postcode or pcds, latitude or lat, longitude or long columns)';

export async function runPostcodesCommand(args: string[]): Promise<number> {
  const [subcommand, file, ...rest] = args;
  if (subcommand !== 'import' || !file || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const database = await openDatabase(loadConfig().database);
  try {
    await database.migrate();
    const { loaded, skipped } = await loadPostcodeFile(database.db, file);
    console.log(`Loaded ${loaded.toLocaleString('en-GB')} postcodes; left out ${skipped.toLocaleString('en-GB')} rows without a well-formed postcode or a position.`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await database.close();
  }
}
