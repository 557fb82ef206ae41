-- Issue 15: the search index's pending list stays small. A GIN index takes new entries into a
-- pending list that every search reads in full until it is merged (by vacuum, or by the insert
-- that fills it past gin_pending_list_limit, 4 MB by default). At a million tickets, right after
-- 4 000 creates, the list held 4 100 documents in 471 pages: search p50 went from 24.6 to 30.5 ms
-- (agent) and 21.9 to 32.3 ms (admin), p99 to 112 and 153 ms. With a 256 kB limit the list holds
-- a few dozen documents; the same run measured search p50 24.6 / 23.6 ms, p99 78 / 106 ms, and
-- creates at the same rate (156.3 against 155.6/s). The list is kept (not fastupdate = off) so
-- that a reply, which rewrites its ticket's whole document, still adds its entries in batches.
alter index ticket_search_doc_idx set (gin_pending_list_limit = 256);
