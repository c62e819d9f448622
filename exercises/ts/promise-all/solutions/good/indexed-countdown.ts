import { fetchData, task } from "interleave";
// Manual countdown: each task writes its slot; the last one to finish resolves.
export function fetchAll(urls: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const out = new Array<string>(urls.length);
    let left = urls.length;
    if (left === 0) return resolve(out);
    urls.forEach((url, i) => {
      task(`get ${url}`, async () => {
        try {
          out[i] = await fetchData<string>(url);
          if (--left === 0) resolve(out);
        } catch (e) {
          reject(e);
        }
      });
    });
  });
}
