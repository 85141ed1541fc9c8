-- Better Auth's PostgreSQL schema (1.7.25: core, username and admin plugins) plus the seed's user
-- columns. Every statement is idempotent, so the same script creates a fresh database and adopts
-- an existing Better Auth database without touching its rows (Flyway baselines such a database at
-- version 0, so this script still runs on it).

create table if not exists "user" (
  "id" text not null primary key,
  "name" text,
  "email" text,
  "emailVerified" boolean not null default false,
  "image" text,
  "createdAt" timestamptz not null default current_timestamp,
  "updatedAt" timestamptz not null default current_timestamp
);

create table if not exists "session" (
  "id" text not null primary key,
  "expiresAt" timestamptz not null,
  "token" text not null,
  "createdAt" timestamptz not null default current_timestamp,
  "updatedAt" timestamptz not null,
  "ipAddress" text,
  "userAgent" text,
  "userId" text not null references "user" ("id") on delete cascade
);

create table if not exists "account" (
  "id" text not null primary key,
  "accountId" text not null,
  "providerId" text not null,
  "userId" text not null references "user" ("id") on delete cascade,
  "accessToken" text,
  "refreshToken" text,
  "idToken" text,
  "accessTokenExpiresAt" timestamptz,
  "refreshTokenExpiresAt" timestamptz,
  "scope" text,
  "password" text,
  "createdAt" timestamptz not null default current_timestamp,
  "updatedAt" timestamptz not null
);

create table if not exists "verification" (
  "id" text not null primary key,
  "identifier" text not null,
  "value" text not null,
  "expiresAt" timestamptz not null,
  "createdAt" timestamptz not null default current_timestamp,
  "updatedAt" timestamptz not null default current_timestamp
);

-- The username and admin plugins' columns (an existing Better Auth database may have them
-- already), and the seed's own columns.
alter table "user" add column if not exists "username" text;
alter table "user" add column if not exists "displayUsername" text;
alter table "user" add column if not exists "role" text;
alter table "user" add column if not exists "banned" boolean default false;
alter table "user" add column if not exists "banReason" text;
alter table "user" add column if not exists "banExpires" timestamptz;
alter table "user" add column if not exists "twoFactorEnabled" boolean not null default false;
alter table "user" add column if not exists "metadata" jsonb not null default '{}'::jsonb;
alter table "session" add column if not exists "impersonatedBy" text;

-- The seed types name and email as optional; Better Auth creates them NOT NULL.
alter table "user" alter column "name" drop not null;
alter table "user" alter column "email" drop not null;
alter table "user" alter column "emailVerified" set default false;
alter table "user" alter column "banned" set default false;

-- Uniqueness lives in the database so that racing requests cannot create duplicates. Better
-- Auth's own DDL names these constraints the same way (column UNIQUE -> <table>_<column>_key).
do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'user_email_key') then
    alter table "user" add constraint "user_email_key" unique ("email");
  end if;
  if not exists (select 1 from pg_constraint where conname = 'user_username_key') then
    alter table "user" add constraint "user_username_key" unique ("username");
  end if;
  if not exists (select 1 from pg_constraint where conname = 'session_token_key') then
    alter table "session" add constraint "session_token_key" unique ("token");
  end if;
end
$$;

create index if not exists "session_userId_idx" on "session" ("userId");
create index if not exists "account_userId_idx" on "account" ("userId");
create index if not exists "verification_identifier_idx" on "verification" ("identifier");

-- Sessions store only the SHA-256 (lowercase hex) of their token. Better Auth stores the raw
-- 32-character token; hashing those in place keeps adopted sessions usable as bearer tokens.
update "session"
   set "token" = encode(sha256(convert_to("token", 'UTF8')), 'hex')
 where "token" !~ '^[0-9a-f]{64}$';
