-- Undoing a primary change ends every other undo link of the account: one lookup by account.
-- Portable SQL, as V1.
create index primary_undo_account_idx on primary_undo (account_id);
