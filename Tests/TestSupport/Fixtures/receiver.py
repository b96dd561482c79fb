#!/usr/bin/env python3
"""The alert tests' receivers: an HTTP server taking webhook POSTs (Alertmanager's webhook
receivers, Slack, PagerDuty, the generic webhook) and an SMTP sink (aiosmtpd) taking
Alertmanager's email. Every request or mail is appended to --out as one JSON line; the file
--out.ready appears once both listen. Paths under /down/ answer 503 (a sink that is down).
PagerDuty's answer is its documented 202 {"status":"success",...}; Slack's is 200 "ok"."""
import argparse, email, json, threading
from email import policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller

parser = argparse.ArgumentParser()
parser.add_argument("--http", type=int, required=True)
parser.add_argument("--smtp", type=int, required=True)
parser.add_argument("--out", required=True)
args = parser.parse_args()
lock = threading.Lock()


def record(entry):
    with lock, open(args.out, "a") as f:
        f.write(json.dumps(entry, sort_keys=True) + "\n")


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        record({"kind": "http", "path": self.path, "body": body,
                "contentType": self.headers.get("Content-Type", ""), "authorization": self.headers.get("Authorization", "")})
        if self.path.startswith("/down/"):
            status, answer, ctype = 503, "down", "text/plain"
        elif self.path.startswith("/pagerduty"):
            dedup = json.loads(body).get("dedup_key", "")
            status, answer, ctype = 202, json.dumps({"status": "success", "message": "Event processed", "dedup_key": dedup}), "application/json"
        else:
            status, answer, ctype = 200, "ok", "text/plain"
        data = answer.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *a):
        pass


class Mail:
    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=policy.default)
        part = msg.get_body(preferencelist=("plain", "html"))
        record({"kind": "smtp", "from": envelope.mail_from, "to": list(envelope.rcpt_tos), "subject": str(msg["Subject"]),
                "body": part.get_content() if part else ""})
        return "250 OK"


smtp = Controller(Mail(), hostname="127.0.0.1", port=args.smtp)
smtp.start()
http = ThreadingHTTPServer(("127.0.0.1", args.http), Handler)
open(args.out, "a").close()
open(args.out + ".ready", "w").close()
try:
    http.serve_forever()
finally:
    smtp.stop()
