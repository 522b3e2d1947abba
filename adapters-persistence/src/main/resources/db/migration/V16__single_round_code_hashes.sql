-- New codes are hashed with a single salted HMAC instead of 1,000 PBKDF2 rounds (ADR 0016); each
-- row names the rounds its hash was made with, so that codes mailed before this migration still
-- check until they expire.
alter table email_token add column code_rounds integer default 1000 not null;
alter table email_token alter column code_rounds set default 1;
alter table email_token add constraint email_token_code_rounds_chk check (code_rounds between 1 and 100000);
