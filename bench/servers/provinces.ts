/**
 * Both provinces' platforms as one server under test: the two simulators (no activity), each serving its
 * federation subgraph at /subgraph and trusting the gateway's public key in BENCH_KEYS_DIR. The `url` is
 * Chongqing's subgraph; `info.sichuan` is Sichuan's.
 */
import { loadPublicJwks } from "../../gateway/auth/keys.ts";
import { startChongqingSimulator } from "../../scripts/simulators/chongqing/index.ts";
import { startSichuanSimulator } from "../../scripts/simulators/sichuan/index.ts";
import { serveAsChild } from "./protocol.ts";

serveAsChild(async () => {
  const keysDir = process.env.BENCH_KEYS_DIR;
  if (!keysDir) throw new Error("BENCH_KEYS_DIR is not set");
  const gatewayJwks = await loadPublicJwks(keysDir, "gateway");
  const cq = await startChongqingSimulator({ rate: 0, gatewayJwks });
  const sc = await startSichuanSimulator({ rate: 0, gatewayJwks });
  return {
    url: `${cq.url}/subgraph`,
    info: { chongqing: `${cq.url}/subgraph`, sichuan: `${sc.url}/subgraph` },
    async close() {
      await Promise.all([cq.stop(), sc.stop()]);
    },
  };
});
