-- Person search by name (modules/people/search-query.ts) reads one of these in order and stops
-- after a page. C collation lets a prefix range use them and makes the order plain byte order;
-- INCLUDE carries the columns a result row shows, so a search reads the index alone.
CREATE INDEX "person_family_given_idx" ON "person" USING btree ((lower("family_name") COLLATE "C"), (lower("given_name") COLLATE "C"), "id")
  INCLUDE ("nhs_number", "given_name", "family_name", "preferred_name", "date_of_birth", "sex", "postcode", "registered_practice_id");--> statement-breakpoint
CREATE INDEX "person_given_family_idx" ON "person" USING btree ((lower("given_name") COLLATE "C"), (lower("family_name") COLLATE "C"), "id")
  INCLUDE ("nhs_number", "given_name", "family_name", "preferred_name", "date_of_birth", "sex", "postcode", "registered_practice_id");
