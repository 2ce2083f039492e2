-- CreateIndex
CREATE INDEX "Enterprise_uscc_prefix_idx" ON "Enterprise"("uscc" text_pattern_ops);
