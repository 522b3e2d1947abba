-- An undo link also names the address that took the primary's place, so that undoing can remove it
-- from the account (whoever made the change with a stolen session would otherwise keep signing in
-- with it). Links issued before this migration have none and remove nothing. Portable SQL, as V1.
alter table primary_undo add column replaced_by varchar(254);
-- Undoing ends every other link of the account: one lookup by account.
create index primary_undo_account_idx on primary_undo (account_id);
