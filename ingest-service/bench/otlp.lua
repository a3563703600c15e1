-- wrk script: POST an OTLP/HTTP trace export (protobuf, as OpenTelemetry SDKs send it by default) of the demo
-- tenant's back end with its server key; the body is made by otlp-body.py.
local file = assert(io.open(os.getenv("OTLP_BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/x-protobuf"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("DEMO_SERVER_KEY")

dofile("ingest-service/bench/result.lua")
