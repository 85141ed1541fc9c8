// The official Better Auth client (npm better-auth 1.7.25, createAuthClient with the username
// and admin client plugins, bearer auth) against this service. Run by OfficialClientIT:
//   node official-client.mjs <baseURL> <trusted origin> <run id> <link id token> <sign-in id token>
//     <admin email> <admin password>
// The id tokens are signed by the suite's OpenID Connect server (provider "mock"): the first for
// client-new-<run id>@example.com (the address this run's user changes to), the second for
// client-social-<run id>@example.com (a user this run signs up through the provider). The admin
// steps sign in as the administrator the Java test created.
// Exits non-zero on the first failed step.
import assert from "node:assert/strict";
import { createAuthClient } from "better-auth/client";
import { adminClient, twoFactorClient, usernameClient } from "better-auth/client/plugins";
import { createHmac } from "node:crypto";

const [baseURL, origin, runId, linkIdToken, socialIdToken, adminEmail, adminPassword] =
  process.argv.slice(2);
let token = ""; // what the app stores: the latest set-auth-token
const twoFactorRedirects = []; // what twoFactorClient's onTwoFactorRedirect was called with

const client = createAuthClient({
  baseURL,
  basePath: "/api/auth",
  plugins: [
    usernameClient(),
    adminClient(),
    twoFactorClient({ onTwoFactorRedirect: (ctx) => { twoFactorRedirects.push(ctx); } }),
  ],
  fetchOptions: {
    // Node's fetch sends Sec-Fetch-Mode, so sign-in and sign-up must name a trusted origin.
    headers: { Origin: origin },
    auth: { type: "Bearer", token: () => token },
    onSuccess: (ctx) => {
      const issued = ctx.response.headers.get("set-auth-token");
      if (issued) token = issued;
    },
  },
});

async function step(name, fn) {
  try {
    await fn();
    console.log(`ok   ${name}`);
  } catch (e) {
    console.log(`FAIL ${name}: ${e.message}`);
    process.exit(1);
  }
}

function data(result) {
  assert.equal(result.error, null, `unexpected error ${JSON.stringify(result.error)}`);
  return result.data;
}

const id = runId ?? Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
const password = "correct horse battery staple";
const username = `client_${id}`;
let email = `client-${id}@example.com`;

await step("signUp.email", async () => {
  const d = data(await client.signUp.email({ name: "Client", email, password, username }));
  assert.equal(d.user.email, email);
  assert.equal(d.user.username, username);
  assert.match(token, /^[A-Za-z0-9]{32}\.[A-Za-z0-9+/]{43}=$/, "set-auth-token is the signed token");
});

await step("getSession", async () => {
  const d = data(await client.getSession());
  assert.equal(d.user.email, email);
  assert.ok(d.session.expiresAt instanceof Date, "dates revive as Date");
  assert.ok(d.user.createdAt instanceof Date);
});

await step("updateUser", async () => {
  assert.deepEqual(data(await client.updateUser({ name: "Renamed", displayUsername: "Client_X" })), { status: true });
  const d = data(await client.getSession());
  assert.equal(d.user.name, "Renamed");
  assert.equal(d.user.displayUsername, "Client_X");
});

await step("changeEmail", async () => {
  email = `client-new-${id}@example.com`;
  assert.deepEqual(data(await client.changeEmail({ newEmail: email })), { status: true });
  assert.equal(data(await client.getSession()).user.email, email);
});

let accounts;
await step("listAccounts", async () => {
  const d = data(await client.listAccounts());
  accounts = Array.isArray(d) ? d : d.accounts;
  assert.equal(accounts.length, 1);
  assert.equal(accounts[0].providerId, "credential");
  assert.equal(accounts[0].password, undefined);
});

await step("unlinkAccount refuses the last account (1.7 and 1.6 bodies)", async () => {
  for (const body of [{ accountId: accounts[0].id }, { providerId: "credential" }]) {
    const r = await client.unlinkAccount(body);
    assert.equal(r.data, null);
    assert.equal(r.error.status, 400);
    assert.equal(r.error.code, "FAILED_TO_UNLINK_LAST_ACCOUNT");
  }
});

let firstSession;
await step("signIn.email", async () => {
  firstSession = data(await client.getSession()).session.id;
  const d = data(await client.signIn.email({ email, password }));
  assert.equal(d.redirect, false);
  assert.equal(d.user.email, email);
});

await step("signIn.username", async () => {
  const d = data(await client.signIn.username({ username: username.toUpperCase(), password }));
  assert.equal(d.user.username, username);
});

await step("listSessions and revokeSession", async () => {
  const sessions = data(await client.listSessions());
  assert.equal(sessions.length, 3);
  const first = sessions.find((s) => s.id === firstSession);
  assert.deepEqual(data(await client.revokeSession({ token: first.token })), { status: true });
  const left = data(await client.listSessions());
  assert.equal(left.length, 2);
  assert.ok(!left.some((s) => s.id === firstSession));
});

await step("signOut", async () => {
  assert.deepEqual(data(await client.signOut()), { success: true });
  const after = await client.getSession();
  assert.equal(after.data, null);
});

await step("linkSocial with an id token, then listAccounts shows two", async () => {
  data(await client.signIn.email({ email, password }));
  const linked = data(await client.linkSocial({ provider: "mock", idToken: { token: linkIdToken } }));
  assert.equal(linked.status, true);
  assert.equal(linked.redirect, false);
  const d = data(await client.listAccounts());
  accounts = Array.isArray(d) ? d : d.accounts;
  assert.deepEqual(accounts.map((a) => a.providerId).sort(), ["credential", "mock"]);
  for (const a of accounts) {
    assert.equal(a.accessToken, undefined);
    assert.equal(a.idToken, undefined);
  }
});

await step("unlinkAccount on a two-account user, then the last one is refused", async () => {
  const provider = accounts.find((a) => a.providerId === "mock");
  assert.deepEqual(data(await client.unlinkAccount({ accountId: provider.id })), { status: true });
  const d = data(await client.listAccounts());
  const left = Array.isArray(d) ? d : d.accounts;
  assert.deepEqual(left.map((a) => a.providerId), ["credential"]);
  const r = await client.unlinkAccount({ accountId: left[0].id });
  assert.equal(r.error.code, "FAILED_TO_UNLINK_LAST_ACCOUNT");
});

await step("deleteUser", async () => {
  data(await client.signIn.email({ email, password }));
  const d = data(await client.deleteUser());
  assert.equal(d.success, true);
  assert.equal((await client.getSession()).data, null);
  const again = await client.signIn.email({ email, password });
  assert.equal(again.error.status, 401);
  assert.equal(again.error.code, "INVALID_EMAIL_OR_PASSWORD");
});

await step("signIn.social with an id token signs up a new user", async () => {
  const d = data(await client.signIn.social({ provider: "mock", idToken: { token: socialIdToken } }));
  assert.equal(d.redirect, false);
  assert.equal(d.user.email, `client-social-${id}@example.com`);
  assert.equal(d.user.emailVerified, true);
  assert.equal(data(await client.getSession()).user.email, `client-social-${id}@example.com`);
  const d2 = data(await client.listAccounts());
  const list = Array.isArray(d2) ? d2 : d2.accounts;
  assert.deepEqual(list.map((a) => a.providerId), ["mock"]);
});

// RFC 6238 as an authenticator app computes it: HMAC-SHA-1 over the base32 key of the URI.
function totp(uri, stepOffset) {
  const b32 = new URL(uri).searchParams.get("secret");
  let bits = "";
  for (const c of b32) bits += "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000) + stepOffset));
  const h = createHmac("sha1", key).update(counter).digest();
  const o = h[h.length - 1] & 0xf;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1000000).padStart(6, "0");
}

await step("twoFactor.enable, twoFactor.verifyTotp, then signIn needs the code", async () => {
  const email2fa = `client-2fa-${id}@example.com`;
  data(await client.signUp.email({ name: "Two Factor", email: email2fa, password }));
  const enabled = data(await client.twoFactor.enable({ password }));
  assert.match(enabled.totpURI, /^otpauth:\/\/totp\/Better%20Auth:client-2fa-/);
  assert.equal(enabled.backupCodes.length, 10);
  const confirmed = data(await client.twoFactor.verifyTotp({ code: totp(enabled.totpURI, 0) }));
  assert.equal(confirmed.user.twoFactorEnabled, true);
  assert.deepEqual(data(await client.signOut()), { success: true });

  const stopped = data(await client.signIn.email({ email: email2fa, password }));
  assert.equal(stopped.twoFactorRedirect, true);
  assert.deepEqual(twoFactorRedirects.at(-1), { twoFactorMethods: ["totp", "otp"] });
  assert.equal((await client.getSession()).data, null, "no session before the code");
  // A bearer-only app keeps no cookie: it hands the pending sign-in back in the header.
  const wrong = await client.twoFactor.verifyTotp(
    { code: "000000" === totp(enabled.totpURI, 1) ? "111111" : "000000" },
    { headers: { "X-Two-Factor-Token": stopped.twoFactorToken } },
  );
  assert.equal(wrong.error.status, 401);
  assert.equal(wrong.error.code, "INVALID_CODE");
  const done = data(
    await client.twoFactor.verifyTotp(
      { code: totp(enabled.totpURI, 1) },
      { headers: { "X-Two-Factor-Token": stopped.twoFactorToken } },
    ),
  );
  assert.equal(done.user.email, email2fa);
  assert.equal(data(await client.getSession()).user.email, email2fa);
  const backup = data(await client.twoFactor.verifyBackupCode({ code: enabled.backupCodes[0] }));
  assert.equal(backup.user.email, email2fa);
});

// --- the admin plugin, as an administrator the Java test created ------------------------------

let adminToken;
let adminId;
await step("signIn.email as an administrator", async () => {
  token = "";
  const d = data(await client.signIn.email({ email: adminEmail, password: adminPassword }));
  assert.equal(d.user.role, "admin");
  adminToken = token;
  adminId = d.user.id;
});

const managedEmail = `managed-${id}@example.com`;
let managed;
await step("admin.createUser", async () => {
  const d = data(
    await client.admin.createUser({ email: managedEmail, password, name: "Managed", role: "user" }),
  );
  managed = d.user;
  assert.equal(managed.email, managedEmail);
  assert.equal(managed.role, "user");
});

await step("admin.listUsers", async () => {
  const d = data(
    await client.admin.listUsers({
      query: { searchValue: `managed-${id}`, searchField: "email", limit: 10, sortBy: "createdAt" },
    }),
  );
  assert.equal(d.total, 1);
  assert.equal(d.users.length, 1);
  assert.equal(d.users[0].id, managed.id);
  assert.equal(d.limit, 10);
  assert.ok(d.users[0].createdAt instanceof Date, "dates revive as Date");
});

await step("admin.setRole", async () => {
  const d = data(await client.admin.setRole({ userId: managed.id, role: ["user", "editor"] }));
  assert.equal(d.user.role, "user,editor");
  const back = data(await client.admin.setRole({ userId: managed.id, role: "user" }));
  assert.equal(back.user.role, "user");
});

await step("admin.banUser ends the user's sessions; unbanUser", async () => {
  const d = data(
    await client.admin.banUser({ userId: managed.id, banReason: "testing", banExpiresIn: 3600 }),
  );
  assert.equal(d.user.banned, true);
  assert.equal(d.user.banReason, "testing");
  assert.ok(d.user.banExpires instanceof Date);
  const refused = await client.signIn.email({ email: managedEmail, password });
  assert.equal(refused.error.status, 403);
  assert.equal(refused.error.code, "BANNED_USER");
  token = adminToken;
  const listed = data(await client.admin.listUserSessions({ userId: managed.id }));
  assert.equal(listed.sessions.length, 0);
  assert.equal(data(await client.admin.unbanUser({ userId: managed.id })).user.banned, false);
});

await step("admin.impersonateUser", async () => {
  const d = data(await client.admin.impersonateUser({ userId: managed.id }));
  assert.equal(d.user.id, managed.id);
  assert.equal(d.session.impersonatedBy, adminId);
  assert.notEqual(token, adminToken, "set-auth-token carries the impersonation session");
  const seen = data(await client.getSession());
  assert.equal(seen.user.id, managed.id);
  assert.equal(seen.session.impersonatedBy, adminId);
  // A bearer client goes back by dropping the impersonation token (signed out here).
  assert.deepEqual(data(await client.signOut()), { success: true });
  token = adminToken;
  assert.equal(data(await client.getSession()).user.id, adminId);
});

await step("admin.hasPermission and admin.removeUser", async () => {
  const p = data(await client.admin.hasPermission({ permissions: { user: ["ban"] } }));
  assert.equal(p.success, true);
  assert.deepEqual(data(await client.admin.removeUser({ userId: managed.id })), { success: true });
  const gone = await client.admin.getUser({ query: { id: managed.id } });
  assert.equal(gone.error.status, 404);
  assert.equal(gone.error.code, "USER_NOT_FOUND");
});

console.log("all steps passed");
