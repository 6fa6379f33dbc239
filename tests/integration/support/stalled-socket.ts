/**
 * A Socket.IO client over a raw WebSocket (the `ws` package) that completes the handshake and then stops
 * reading: its TCP socket is paused, so the kernel buffers fill and the server's output backs up, as with
 * a client that is slow, frozen or hostile. `resume()` reads again and collects the feed entries that
 * arrived (Socket.IO packets `42["feed",{…}]`).
 */
import WebSocket from "ws";

export interface StalledSocket {
  /** Reads again; resolves once the server has closed the connection, with the seqs received in order. */
  resumeUntilClosed(timeoutMs: number): Promise<{ seqs: number[]; closed: boolean }>;
  close(): void;
}

export function openStalledSocket(url: string, auth: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<StalledSocket> {
  const ws = new WebSocket(`${url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`, { headers });
  const seqs: number[] = [];
  let closed = false;
  ws.on("close", () => (closed = true));
  ws.on("error", () => {});
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the stalled socket's handshake timed out")), 15_000);
    ws.on("message", (data) => {
      const text = (data as Buffer).toString();
      if (text.startsWith("0"))
        ws.send(`40${JSON.stringify(auth)}`); // engine.io open → Socket.IO connect
      else if (text.startsWith("44")) reject(new Error(`refused: ${text.slice(2)}`));
      else if (text === "2")
        ws.send("3"); // engine.io ping → pong (only while reading)
      else if (text.startsWith("42")) {
        const [event, entry] = JSON.parse(text.slice(2)) as [string, { seq: number }];
        if (event === "feed") seqs.push(entry.seq);
      } else if (text.startsWith("40")) {
        clearTimeout(timer);
        ws.pause(); // stop reading the TCP socket
        resolve({
          resumeUntilClosed: (timeoutMs) =>
            new Promise((done) => {
              const give = setTimeout(() => done({ seqs, closed }), timeoutMs);
              if (closed) {
                clearTimeout(give);
                return done({ seqs, closed });
              }
              ws.once("close", () => {
                clearTimeout(give);
                done({ seqs, closed: true });
              });
              ws.resume();
            }),
          close: () => ws.terminate(),
        });
      }
    });
  });
}
