-- How many groups the register's enterprises fall into, for the planner (issue 18 item 5, the supervision indicators'
-- register: schema/supervision/visit-reads.ts registerGroupsSql). The statement groups a million enterprises by their
-- three credit grades, and by industry. A grade no province has sent yet is all NULL, and the planner counts such a
-- column's distinct values as unknown (200 each): for the three grades together it guessed a tenth of the rows
-- (100,000 groups) and sorted the whole register twice on disk instead of hashing its ~30 groups: 1.6 s instead of
-- ~0.5 s on the bench machine (bench/README.md, "supervision: two statements the planner could not size"). Statistics
-- on the three grades together tell it how many combinations there are.
CREATE STATISTICS "Enterprise_credit_grades_stx" (ndistinct) ON "creditGrade", "creditGradeCq", "creditGradeSc" FROM "Enterprise";
-- at once, not at autovacuum's next look: a sample of the table (30,000 rows at the default target)
ANALYZE "Enterprise";
