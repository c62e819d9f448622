import * as il from "interleave";
// Key by index in an object, then rebuild ordered array.
export const fetchAll = async (urls: string[]): Promise<string[]> => {
  const byIndex: Record<number, string> = {};
  await Promise.all(
    urls.map(async (u, i) => {
      byIndex[i] = await il.fetchData<string>(u);
    }),
  );
  return urls.map((_, i) => byIndex[i]!);
};
