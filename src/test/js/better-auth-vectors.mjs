// Makes src/test/resources/fixtures/better-auth-1.7.25/encrypted-tokens.json with Better Auth's own
// symmetricEncrypt (npm better-auth 1.7.25, XChaCha20-Poly1305 from @noble/ciphers), the function
// it uses for account tokens when encryptOAuthTokens is on. Run from src/test/js after npm ci:
//   node better-auth-vectors.mjs > ../resources/fixtures/better-auth-1.7.25/encrypted-tokens.json
import { symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";

const secret = "peer-conformance-secret-do-not-use-in-production-0123456789abcdef";
const rotated = "rotated-secret-two-0123456789abcdef0123";
const keys = new Map([[2, rotated], [1, secret]]);
const bareHex = await symmetricEncrypt({ key: secret, data: "ya29.a0-access-token" });
const envelope = await symmetricEncrypt({
  key: { keys, currentVersion: 2, legacySecret: secret },
  data: "1//0g-refresh-token",
});
// Better Auth reads back what it wrote.
if ((await symmetricDecrypt({ key: secret, data: bareHex })) !== "ya29.a0-access-token") throw new Error("bare");
if ((await symmetricDecrypt({ key: { keys, currentVersion: 2 }, data: envelope })) !== "1//0g-refresh-token") throw new Error("envelope");
console.log(JSON.stringify({
  secret, rotatedSecret: rotated,
  bareHex: { stored: bareHex, plaintext: "ya29.a0-access-token", secret: "secret" },
  envelope: { stored: envelope, plaintext: "1//0g-refresh-token", secret: "rotatedSecret" },
}, null, 2));
