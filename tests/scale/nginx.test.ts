/**
 * deploy/nginx.conf in front of two real nodes: the browser's default Socket.IO transports (long-polling,
 * then the WebSocket upgrade) work through it, and a post through it reaches viewers on both nodes.
 * Runs when nginx is installed (Debian: apt-get install nginx-light); skipped, and says so, otherwise.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { io } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { call, lastSeq, login, reportBody } from "../integration/support/api";
import { connectFeed } from "../integration/support/feed-client";
import { ROOT, type RunningServer } from "../integration/support/server-process";
import { sleep, startCluster, type Cluster } from "./support/cluster";

const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((file) => fs.existsSync(file));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** deploy/nginx.conf with this test's node ports and listening port, wrapped into a whole nginx.conf. */
function nginxConfig(dir: string, listen: number, nodes: RunningServer[]): string {
  let site = fs.readFileSync(path.join(ROOT, "deploy/nginx.conf"), "utf8");
  site = site.replace(/^\s*server 127\.0\.0\.1:\d+.*$/gm, "");
  site = site.replace("ip_hash;", `ip_hash;\n${nodes.map((node) => `    server 127.0.0.1:${node.port};`).join("\n")}`);
  site = site.replace("listen 80;", `listen 127.0.0.1:${listen};`);
  return `pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
${site}
}
`;
}

let cluster: Cluster | undefined;
let nginx: ChildProcess | undefined;
afterEach(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx!.once("exit", resolve));
    nginx.kill("SIGTERM");
    await exited;
  }
  nginx = undefined;
  await cluster?.stop();
  cluster = undefined;
});

describe("deploy/nginx.conf", () => {
  it.skipIf(!NGINX)("proxies pages, the API and Socket.IO (polling, then WebSocket) to two nodes", async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.nodes as [RunningServer, RunningServer];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sd-nginx-"));
    const port = await freePort();
    fs.writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(dir, port, [a, b]));
    const check = spawnSync(NGINX!, ["-t", "-c", path.join(dir, "nginx.conf"), "-p", dir], { encoding: "utf8" });
    expect(check.status, check.stderr).toBe(0);
    nginx = spawn(NGINX!, ["-c", path.join(dir, "nginx.conf"), "-p", dir, "-g", "daemon off;"], { stdio: "ignore" });
    const front = `http://127.0.0.1:${port}`;
    for (
      let i = 0;
      i < 100 &&
      !(await fetch(`${front}/api/health`)
        .then((r) => r.ok)
        .catch(() => false));
      i++
    )
      await sleep(50);

    expect((await call(front, "GET", "/api/health")).status).toBe(200);
    expect((await fetch(front + "/")).status).toBe(200);
    const start = await lastSeq(front);

    // The browser's way: long-polling first, then the upgrade (needs the sticky upstream).
    const browserLike = io(front, { auth: { after: start } });
    const received: number[] = [];
    browserLike.on("feed", (entry) => received.push(entry.seq));
    await new Promise<void>((resolve, reject) => {
      browserLike.once("feed:live", () => resolve());
      browserLike.once("connect_error", reject);
    });
    const upgraded = new Promise<string>((resolve) => browserLike.io.engine.once("upgrade", (transport) => resolve(transport.name)));
    const onB = connectFeed(b.url, { after: start });
    await onB.waitForLive();

    const token = await login(front);
    const posted = await call(front, "POST", "/api/reports", { token, body: reportBody(1) });
    expect(posted.status).toBe(201);
    await onB.waitForSeq(start + 1);
    for (let i = 0; i < 200 && !received.includes(start + 1); i++) await sleep(25);
    expect(received).toEqual([start + 1]);
    expect(await Promise.race([upgraded, sleep(5_000).then(() => browserLike.io.engine.transport.name)])).toBe("websocket");
    browserLike.close();
    onB.close();
  });
});
