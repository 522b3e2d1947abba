-- The one-time code mailed next to each link: stored only as a salted PBKDF2 of the code and the
-- address, with the link's expiry. code_attempts counts the checks of a code against this mail;
-- at 5 neither the code nor the link works. Tokens issued before this migration carry no code.
alter table email_token add column code_salt char(32);
alter table email_token add column code_hash char(64);
alter table email_token add column code_attempts integer default 0 not null;
alter table email_token add constraint email_token_code_pair_chk check ((code_salt is null) = (code_hash is null));
alter table email_token add constraint email_token_code_attempts_chk check (code_attempts between 0 and 5);
