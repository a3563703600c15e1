-- wrk script: POST a web-vitals page view of 5 metrics, as the demo tenant's page would send it.
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain;charset=UTF-8"
wrk.headers["Origin"] = os.getenv("DEMO_ORIGIN")
wrk.body = [[{"page":"http://localhost:5173/clients/8231/forms?tab=guests","device":"mobile","connection":"4g","release":"2026.06.1","metrics":[{"name":"LCP","value":2730.4,"rating":"needs-improvement","delta":2730.4,"id":"v5-1718287200000-1","navigationType":"navigate"},{"name":"FCP","value":1210.2,"rating":"good","delta":1210.2,"id":"v5-1718287200000-2","navigationType":"navigate"},{"name":"TTFB","value":420.8,"rating":"good","delta":420.8,"id":"v5-1718287200000-3","navigationType":"navigate"},{"name":"CLS","value":0.04,"rating":"good","delta":0.04,"id":"v5-1718287200000-4","navigationType":"navigate"},{"name":"INP","value":180,"rating":"good","delta":180,"id":"v5-1718287200000-5","navigationType":"navigate"}]}]]

dofile("ingest-service/bench/result.lua")
