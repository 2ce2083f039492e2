/**
 * The store's durability: every mutation is one JSON line appended to `<dataDir>/<province>-store.jsonl`
 * before the caller sees it, and replayed on start. A line cut short by a crash is the last one and
 * is dropped (its mutation was never acknowledged).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, truncateSync } from "node:fs";
import { join } from "node:path";
import type { Change, ReceivedRecord, ReceivedTask } from "./model.ts";

export type JournalLine =
  | { t: "change"; c: Change }
  | { t: "received"; r: ReceivedRecord }
  | { t: "task"; task: ReceivedTask };

export class Journal {
  private pending: string[] = [];
  private depth = 0;

  private constructor(readonly file: string) {}

  /** opens (creating) the journal and returns it with the lines already in it */
  static open(dataDir: string, name: string): { journal: Journal; lines: JournalLine[] } {
    mkdirSync(dataDir, { recursive: true });
    const journal = new Journal(join(dataDir, `${name}.jsonl`));
    return { journal, lines: journal.readAll() };
  }

  private readAll(): JournalLine[] {
    if (!existsSync(this.file)) return [];
    const text = readFileSync(this.file, "utf8");
    const lines: JournalLine[] = [];
    let offset = 0;
    while (offset < text.length) {
      const end = text.indexOf("\n", offset);
      if (end === -1) {
        // an unterminated last line is a write cut short: drop it so the next append starts clean
        truncateSync(this.file, Buffer.byteLength(text.slice(0, offset)));
        break;
      }
      lines.push(JSON.parse(text.slice(offset, end)) as JournalLine);
      offset = end + 1;
    }
    return lines;
  }

  /** runs `fn`, writing everything it appends in one write at the end (one syscall for a batch of 100 000) */
  batch<T>(fn: () => T): T {
    this.depth += 1;
    try {
      return fn();
    } finally {
      this.depth -= 1;
      if (this.depth === 0) this.flush();
    }
  }

  append(line: JournalLine): void {
    this.pending.push(JSON.stringify(line));
    if (this.depth === 0) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const text = `${this.pending.join("\n")}\n`;
    this.pending = [];
    appendFileSync(this.file, text);
  }
}
