#!/usr/bin/env python3
"""Writes an OTLP ExportTraceServiceRequest (protobuf) of N server spans, as a back end's SDK would batch them:
each a photo upload, guest list or timeline sync with its HTTP route, method and status.
Usage: otlp-body.py SPANS OUT_FILE"""
import struct
import sys


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field(number, wire, payload):
    key = varint(number << 3 | wire)
    if wire == 2:
        return key + varint(len(payload)) + payload
    return key + payload


def text(number, value):
    return field(number, 2, value.encode())


def attribute(key, value):
    any_value = text(1, value) if isinstance(value, str) else field(3, 0, varint(value))
    return field(9, 2, text(1, key) + field(2, 2, any_value))


ROUTES = [("POST", "/api/weddings/{weddingId}/photos"), ("GET", "/api/weddings/{weddingId}/guests"),
          ("POST", "/api/weddings/{weddingId}/timeline/sync")]
count, out = int(sys.argv[1]), sys.argv[2]
start = 1_765_000_000_000_000_000
spans = b""
for i in range(count):
    method, route = ROUTES[i % len(ROUTES)]
    span = (field(1, 2, struct.pack(">QQ", 1, i + 1)) + field(2, 2, struct.pack(">Q", i + 1))
            + text(5, method + " " + route) + field(6, 0, varint(2))
            + field(7, 1, struct.pack("<Q", start)) + field(8, 1, struct.pack("<Q", start + (20 + i) * 1_000_000))
            + attribute("http.request.method", method) + attribute("http.route", route)
            + attribute("http.response.status_code", 200))
    spans += field(2, 2, span)
resource = field(1, 2, field(1, 2, text(1, "service.name") + field(2, 2, text(1, "wedsync-api"))))
request = field(1, 2, resource + field(2, 2, spans))
with open(out, "wb") as f:
    f.write(request)
