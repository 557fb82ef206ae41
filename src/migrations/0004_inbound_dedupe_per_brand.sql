-- A mail addressed to the support addresses of two brands is a request to each of them: it is
-- kept once per brand that owns one of its recipients, and deduplicated within a brand only (the
-- same message arriving again for the same brand, by SMTP retry or over IMAP, is still one row).
-- A message whose brand is not known at acceptance (brand_id null) is deduplicated among those.
drop index inbound_message_dedupe_key;
create unique index inbound_message_brand_dedupe_key on inbound_message (brand_id, dedupe_key) nulls not distinct;
create index inbound_message_dedupe_key_idx on inbound_message (dedupe_key);

-- So one Message-ID can thread into one ticket per brand: replies to that mail find each brand's
-- own ticket.
alter table mail_message_ref drop constraint mail_message_ref_pkey;
alter table mail_message_ref add primary key (message_id, ticket_id);
