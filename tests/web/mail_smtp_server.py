#!/usr/bin/python3
"""A real SMTP server on loopback for the mail tests (Debian's python3-aiosmtpd).

Usage: mail_smtp_server.py PORT FOLDER

Accepts every message and writes it to FOLDER as NNNN.eml: a first line "X-Envelope: FROM -> TO"
and then the message exactly as received. Each file is written under a temporary name and
renamed, so a reader never sees half a message. Runs until SIGTERM or SIGINT.
"""
import os
import signal
import sys
import threading

from aiosmtpd.controller import Controller


class FolderHandler:
    def __init__(self, folder):
        self.folder = folder
        self.count = len([n for n in os.listdir(folder) if n.endswith(".eml")])
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            name = os.path.join(self.folder, "%04d.eml" % self.count)
        data = envelope.original_content or envelope.content
        if isinstance(data, str):
            data = data.encode("utf-8")
        envelope_line = "X-Envelope: %s -> %s\r\n" % (envelope.mail_from, ",".join(envelope.rcpt_tos))
        with open(name + ".part", "wb") as out:
            out.write(envelope_line.encode("utf-8"))
            out.write(data)
        os.rename(name + ".part", name)
        return "250 Message accepted for delivery"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(FolderHandler(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("listening on 127.0.0.1:%d" % port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
