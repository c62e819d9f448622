// Wrong on purpose (a cheat): the answers copied from an earlier failure's `expected`, looked
// up by url, with no request at all. It "takes" as long as the slowest request. The urls and
// answers change with every grade, and the grader sees that the server was never asked.
import { sleep } from "interleave";

const SEEN: Record<string, string> = {
  "/users/ada": "Ada Lovelace, 1815",
  "/users/alan": "Alan Turing, 1912",
  "/users/grace": "Grace Hopper, 1906",
  "/weather/oslo": "Oslo: 4°C, snow",
  "/weather/lima": "Lima: 19°C, mist",
  "/weather/kyiv": "Kyiv: 11°C, rain",
  "/weather/pune": "Pune: 31°C, sun",
  "/weather/nuuk": "Nuuk: -7°C, wind",
};

export async function fetchAll(urls: string[]): Promise<string[]> {
  await sleep(100);
  return urls.map((url) => SEEN[url] ?? "");
}
