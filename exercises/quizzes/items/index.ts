// Every item definition, by id. Quiz files name items from this registry.
import type { ItemDefinition } from "../define.ts";
import * as blocking from "./blocking.ts";
import * as cancellation from "./cancellation.ts";
import * as channels from "./channels.ts";
import * as choosing from "./choosing.ts";
import * as failFastBackpressure from "./fail-fast-backpressure.ts";
import * as foundations from "./foundations.ts";
import * as futures from "./futures.ts";
import * as misconceptions from "./misconceptions.ts";
import * as more from "./more.ts";
import * as possible from "./possible.ts";
import * as races from "./races.ts";
import * as sendSync from "./send-sync.ts";
import * as sharedMemory from "./shared-memory.ts";
import * as spawnJoinAll from "./spawn-join-all.ts";
import * as threads from "./threads.ts";
import * as waiting from "./waiting.ts";

// Only the item definitions are exported from these modules (helpers stay module-private).
const modules: Record<string, ItemDefinition>[] = [
  foundations,
  threads,
  futures,
  spawnJoinAll,
  blocking,
  sendSync,
  sharedMemory,
  channels,
  choosing,
  more,
  possible,
  cancellation,
  failFastBackpressure,
  misconceptions,
  races,
  waiting,
];

export const ITEM_DEFINITIONS: ReadonlyMap<string, ItemDefinition> = new Map(
  modules.flatMap((m) => Object.values(m)).map((definition) => [definition.id, definition]),
);
