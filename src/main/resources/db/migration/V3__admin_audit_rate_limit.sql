-- Issue 8: the audit trail, Better Auth's rate-limit table and the per-account sign-in lockout.
-- Idempotent like V1, so it also applies to an adopted Better Auth database (which may already
-- have "rateLimit", created by Better Auth with rateLimit.storage = "database").

-- Append-only: rows are inserted in the transaction of the change they record and never updated
-- (a trigger refuses it); only the retention job deletes old ones. No foreign keys: an event
-- outlives the users it names.
create table if not exists "auditEvent" (
  "id" text not null primary key,
  "createdAt" timestamptz not null default current_timestamp,
  "action" text not null,
  "actorUserId" text,
  "impersonatorUserId" text,
  "targetUserId" text,
  "ipAddress" text,
  "userAgent" text,
  "changes" jsonb not null default '{}'::jsonb
);
create index if not exists "auditEvent_createdAt_idx" on "auditEvent" ("createdAt");
create index if not exists "auditEvent_targetUserId_idx" on "auditEvent" ("targetUserId", "createdAt");
create index if not exists "auditEvent_actorUserId_idx" on "auditEvent" ("actorUserId", "createdAt");
create index if not exists "auditEvent_action_idx" on "auditEvent" ("action", "createdAt");

create or replace function "auditEvent_append_only"() returns trigger language plpgsql as $$
begin
  raise exception 'auditEvent is append-only';
end
$$;
drop trigger if exists "auditEvent_no_update" on "auditEvent";
create trigger "auditEvent_no_update" before update on "auditEvent"
  for each row execute function "auditEvent_append_only"();

-- Better Auth's shape: key = "<client address>|<path>", lastRequest in epoch milliseconds.
create table if not exists "rateLimit" (
  "id" text not null primary key,
  "key" text not null,
  "count" integer not null,
  "lastRequest" bigint not null
);
-- The limiter's upsert needs a unique index on "key". Better Auth declares the column unique; a
-- table made some other way without one loses its counters (they are seconds old at most).
do $$
begin
  if not exists (
    select 1 from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
     where i.indrelid = '"rateLimit"'::regclass and i.indisunique and i.indnatts = 1
       and a.attname = 'key') then
    delete from "rateLimit";
    create unique index "rateLimit_key_idx" on "rateLimit" ("key");
  end if;
end
$$;

-- Failed password sign-ins per account ("user:<id>") or, for an identifier no account has,
-- per identifier ("email:<address>", "username:<name>"), so both behave alike.
create table if not exists "signInLockout" (
  "key" text not null primary key,
  "failures" integer not null default 0,
  "lastFailureAt" timestamptz,
  "lockedUntil" timestamptz,
  "notifiedAt" timestamptz
);
