-- Shared by the benchmark's wrk scripts: done() prints one line "BENCH-RESULT {json}" that
-- bench/run.sh reads. Latencies in microseconds; "sent" counts requests written (from the
-- threads' own counters), so sent - requests bounds the requests still in flight at the end.
local threads = {}
local next_tid = 0

function setup(thread)
  next_tid = next_tid + 1
  thread:set("tid", next_tid)
  thread:set("nthreads", 0)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local sent, exhausted, sent_max = 0, 0, 0
  for _, t in ipairs(threads) do
    sent = sent + (t:get("sent") or 0)
    sent_max = math.max(sent_max, t:get("sent") or 0)
    exhausted = exhausted + (t:get("exhausted") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH-RESULT {"duration_us":%d,"requests":%d,"sent":%d,"sent_max_per_thread":%d,"non_2xx":%d,"connect_errors":%d,' ..
    '"read_errors":%d,"write_errors":%d,"timeouts":%d,"exhausted":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\n',
    summary.duration, summary.requests, sent, sent_max, e.status, e.connect, e.read, e.write, e.timeout, exhausted,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
