"""Sends exactly N request-email-confirmation requests (8 at a time, plain http.client, not wrk)
and prints how many were answered 202: the benchmark compares that with the sink's count.
Usage: selfcheck.py PORT TOKENFILE N TAG"""
import http.client
import sys
from concurrent.futures import ThreadPoolExecutor

port, token_file, n, tag = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
tokens = [line.strip() for line in open(token_file) if line.strip()]


def one(i):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = '{"email":"selfcheck.%s.%d@bench.example.org"}' % (tag, i)
    conn.request("POST", "/api/auth/request-email-confirmation", body,
                 {"Content-Type": "application/json", "Authorization": "Bearer " + tokens[i % len(tokens)]})
    status = conn.getresponse().status
    conn.close()
    return status


with ThreadPoolExecutor(8) as pool:
    statuses = list(pool.map(one, range(n)))
print(sum(1 for s in statuses if s == 202))
