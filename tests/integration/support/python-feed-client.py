"""A standard python-socketio 5.x client reading the feed over long-polling.

Usage: python3 python-feed-client.py <server url> <after> [<situation>]
Connects with auth {after, situation?}, collects every `feed` entry until `feed:live`, and prints one JSON
line: {"seqs": [...], "situations": [the distinct `situation` of the entries], "live": <lastSeq or null>,
"error": <text or null>}.
"""
import json
import sys
import threading

import socketio

url, after = sys.argv[1], int(sys.argv[2])
auth = {"after": after}
if len(sys.argv) > 3:
    auth["situation"] = sys.argv[3]
result = {"seqs": [], "situations": [], "live": None, "error": None}
done = threading.Event()
client = socketio.Client(reconnection=False)


@client.on("feed")
def on_feed(entry):
    result["seqs"].append(entry["seq"])
    if entry.get("situation") not in result["situations"]:
        result["situations"].append(entry.get("situation"))


@client.on("feed:live")
def on_live(info):
    result["live"] = info["lastSeq"]
    done.set()


@client.event
def connect_error(data):
    result["error"] = "connect_error: %s" % (data,)
    done.set()


@client.event
def disconnect():
    if result["live"] is None:
        result["error"] = result["error"] or "disconnected before feed:live"
    done.set()


try:
    client.connect(url, transports=["polling"], auth=auth, wait_timeout=10)
    if not done.wait(60):
        result["error"] = "no feed:live within 60 s"
except Exception as error:  # the client's own refusal (e.g. too many packets) ends up here
    # A refused handshake raises too, after connect_error recorded the server's reason: keep that.
    result["error"] = result["error"] or "%s: %s" % (type(error).__name__, error)
finally:
    client.disconnect()
print(json.dumps(result))
