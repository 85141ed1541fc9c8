-- Two-factor authentication (issue 12). Better Auth's "twoFactor" table (1.7.25: secret,
-- backupCodes, userId, verified, failedVerificationCount, lockedUntil), created only where a
-- taken-over Better Auth database does not have it yet, plus two columns and two tables of ours.
-- Every statement is idempotent and touches nothing V3 (admin, audit, rate limit) creates, so this
-- script applies whether V3 ran before it, runs after it (Flyway's outOfOrder), or never exists.

create table if not exists "twoFactor" (
  "id" text not null primary key,
  "secret" text not null,
  "backupCodes" text not null,
  "userId" text not null references "user" ("id") on delete cascade
);
alter table "twoFactor" add column if not exists "verified" boolean default true;
alter table "twoFactor" add column if not exists "failedVerificationCount" integer default 0;
alter table "twoFactor" add column if not exists "lockedUntil" timestamptz;
-- Ours: the time step of the last TOTP code accepted (RFC 6238 section 5.2: a code works once).
alter table "twoFactor" add column if not exists "lastUsedStep" bigint;
create index if not exists "twoFactor_userId_idx" on "twoFactor" ("userId");
create index if not exists "twoFactor_secret_idx" on "twoFactor" ("secret");

-- Ours: a sign-in waiting for its second factor (or a signed-in user's emailed code). The id is
-- the SHA-256 of the handle the client holds; attempts count failed codes (5 kill it).
create table if not exists "twoFactorChallenge" (
  "id" text not null primary key,
  "userId" text not null references "user" ("id") on delete cascade,
  "sessionId" text,
  "rememberMe" boolean not null default true,
  "attempts" integer not null default 0,
  "otpHash" text,
  "otpExpiresAt" timestamptz,
  "expiresAt" timestamptz not null,
  "createdAt" timestamptz not null default current_timestamp
);
create index if not exists "twoFactorChallenge_userId_idx" on "twoFactorChallenge" ("userId");
create index if not exists "twoFactorChallenge_expiresAt_idx" on "twoFactorChallenge" ("expiresAt");

-- Ours: devices a user chose to trust for 30 days; the id is the SHA-256 of the cookie's token.
create table if not exists "twoFactorTrustedDevice" (
  "id" text not null primary key,
  "userId" text not null references "user" ("id") on delete cascade,
  "expiresAt" timestamptz not null,
  "createdAt" timestamptz not null default current_timestamp
);
create index if not exists "twoFactorTrustedDevice_userId_idx" on "twoFactorTrustedDevice" ("userId");
