-- Library search indexes (issues 5 and 8): found with EXPLAIN ANALYZE on the queries of `npm run bench -- library-scale`
-- over 1,000,000 enterprises and 50,000 officers.

-- enterprises(park:, creditGrade:) together
CREATE INDEX "Enterprise_park_creditGrade_idx" ON "Enterprise"("park", "creditGrade");

-- officers(domain:) → qualifiedDomains @> ARRAY[…]
CREATE INDEX "Officer_qualifiedDomains_idx" ON "Officer" USING GIN ("qualifiedDomains");

-- enterprises(search:) / officers(name:) → name LIKE '%fragment%': only a trigram index serves a contains.
-- pg_trgm ships with Postgres (contrib) but NOT with plain PGlite (there it must be loaded as a JS extension), so
-- the extension and both indexes are created only where the extension can be created - elsewhere (PGlite) name
-- search stays a sequential scan, as before, and nothing breaks. The block is an E'' string with \073 for the
-- semicolons: Prisma's driver adapters split a migration script on every semicolon, dollar quotes included.
DO E'BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm\073
  CREATE INDEX "Enterprise_name_trgm_idx" ON "Enterprise" USING GIN ("name" gin_trgm_ops)\073
  CREATE INDEX "Officer_name_trgm_idx" ON "Officer" USING GIN ("name" gin_trgm_ops)\073
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE ''pg_trgm is not available here (%): no trigram indexes, name search scans'', SQLERRM\073
END';
