-- The audit chain's `hash` loses its unique index (issue 19 item 2). Nothing looks an entry up by its hash: the chain
-- is read and verified in `seq` order (gateway/audit/verify-stored-chain.ts), and a duplicated or altered entry shows
-- there as a broken link whatever the indexes say (gateway/audit/chain.ts). The index cost every audit entry an
-- insertion at a random place of a b-tree of 64-character keys: ~4 µs of Postgres's CPU an entry on a small table
-- (bench/README.md, "read-peers"), and on a log larger than the server's memory a read of a random page.
DROP INDEX "AuditEntry_hash_key";
