-- The evidence chain counts a problem's incidents in SQLite, so that only a few hundred rows of
-- totals cross into Rust instead of one row per incident (decoding 111,000 rows cost more than
-- counting them). Two covering indexes let those counts run without sorting the whole set:
-- the wait distribution (mean, 90th percentile, worst) in wait order, and the events (one store
-- on one day) in store and time order.
CREATE INDEX problem_incidents_wait ON problem_incidents (problem_id, live, wait_minutes);
CREATE INDEX problem_incidents_store_time ON problem_incidents (problem_id, live, store_id, opened_at);
