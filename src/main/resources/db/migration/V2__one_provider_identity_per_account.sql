-- A provider identity (the provider's id and its stable id for the user) belongs to one account
-- row, so it can never sign in to two users. Sign-in and linking check this under an advisory
-- lock; this index is the last line when two requests race past the check. Idempotent, so it also
-- applies to a database adopted from Better Auth (which checks in code only). A database that
-- already holds such duplicates stops the deployment with their names instead of being silently
-- left without the rule: an operator must decide which user keeps each identity.
do $$
declare
  duplicate record;
begin
  select "providerId", "accountId" into duplicate
    from "account"
   group by "providerId", "accountId"
  having count(*) > 1
   limit 1;
  if found then
    raise exception 'Provider identity (%, %) belongs to more than one account row; keep one and delete the others, then deploy again',
      duplicate."providerId", duplicate."accountId";
  end if;
end
$$;

create unique index if not exists "account_providerId_accountId_key"
  on "account" ("providerId", "accountId");
