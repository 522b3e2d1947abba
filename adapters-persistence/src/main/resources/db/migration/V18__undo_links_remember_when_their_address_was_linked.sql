-- When the address an undo link restores was linked to the account: an undo may only bring back an
-- address older on the account than the primary it replaces (ADR 0019). Null for links issued
-- before this column, which are honoured as before.
alter table primary_undo add column previous_verified_at timestamp with time zone;
