import { runAdapterProcess } from "../core/main.ts";

await runAdapterProcess("cq");
