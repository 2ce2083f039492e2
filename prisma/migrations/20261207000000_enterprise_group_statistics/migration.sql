-- How many groups the register's enterprises fall into, for the planner (issue 18 item 5, the supervision indicators'
-- register: schema/supervision/visit-reads.ts readRegisterGroups). The statement groups a million enterprises by
-- their three credit grades and by COALESCE(industry, ''). Without these statistics the planner cannot tell how many
-- groups that makes: a grade column nobody has filled yet (all NULL) and an expression count as unknown, so it
-- guessed a tenth of the rows (100,000 groups) and sorted the whole register twice on disk instead of hashing its
-- ~30 groups: 1.6 s instead of 0.45 s on the bench machine (bench/README.md, "supervision at scale").
CREATE STATISTICS "Enterprise_credit_grades_stx" (ndistinct) ON "creditGrade", "creditGradeCq", "creditGradeSc" FROM "Enterprise";
CREATE STATISTICS "Enterprise_industry_stx" ON (COALESCE("industry", '')) FROM "Enterprise";
-- at once, not at autovacuum's next look: a sample of the table (30,000 rows at the default target)
ANALYZE "Enterprise";
