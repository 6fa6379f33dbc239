/** `npx tsx bench/posts-ab.ts [rounds]`: sustained posts per second on SQLite alone, a fresh server per round (for A/B comparisons of the write path). */
import { startServer } from "../tests/integration/support/server-process";
import { sustainedPosts } from "./feed/feed-load";

async function main() {
  const figures: number[] = [];
  for (let i = 0; i < Number(process.argv[2] ?? 3); i++) {
    const server = await startServer();
    figures.push(await sustainedPosts(server).finally(() => server.stop()));
  }
  console.log(JSON.stringify({ postsPerS: figures }));
}
void main();
