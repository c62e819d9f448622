export async function fetchAll(urls: string[]): Promise<string[]> {
  return urls.map((u) => `answer for ${u}`);
}
