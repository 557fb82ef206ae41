-- Issue 11, item 3: an order's invoice — the shop's own PDF (uploaded or imported), or the one
-- Apres made for the demo brands — is a stored file, served only to the order's owner and the
-- brand's staff (through the order, never by its file id).
alter table customer_order
  add column invoice_number text check (length(invoice_number) between 1 and 100),
  add column invoice_attachment_id uuid references attachment(id);
