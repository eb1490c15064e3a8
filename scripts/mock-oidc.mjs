// A local OpenID Connect provider for the end-to-end tests (loopback only, test-only).
// It signs in whoever asks as the email in OIDC_MOCK_EMAIL, as a real IdP would after a login.
import { OAuth2Server } from "oauth2-mock-server";

const port = Number(process.argv[2] ?? 3199);
const email = process.env.OIDC_MOCK_EMAIL ?? "cmo@northwind.example";
const server = new OAuth2Server();
await server.issuer.keys.generate("RS256");
server.service.on("beforeTokenSigning", (token) => {
  token.payload.email = email;
  token.payload.email_verified = true;
  token.payload.name = "Lena Fischer";
});
server.service.on("beforeUserinfo", (userInfoResponse) => {
  userInfoResponse.body = { sub: "mock-user", email, email_verified: true, name: "Lena Fischer" };
});
await server.start(port, "localhost");
console.log(`mock OIDC issuer at ${server.issuer.url}`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
