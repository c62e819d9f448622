// A hand-written Promise.all: start every request, store each answer at its index, and
// resolve when the last one is in.
import { fetchData } from "interleave";

export function fetchAll(urls: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const out: string[] = new Array<string>(urls.length);
    let left = urls.length;
    if (left === 0) return resolve(out);
    urls.forEach((url, i) =>
      fetchData<string>(url).then((answer) => {
        out[i] = answer;
        if (--left === 0) resolve(out);
      }, reject),
    );
  });
}
