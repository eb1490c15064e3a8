import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": import.meta.dirname,
  // Next's bundler resolves "server-only" to an empty module on the server; tests do the same.
  "server-only": path.join(import.meta.dirname, "server/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["**/*.test.ts"], exclude: ["**/*.integration.test.ts", "node_modules/**", ".next/**"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          environment: "node",
          globalSetup: ["tests/global-setup.ts"],
          // Webhook tests deliver to receivers they start on 127.0.0.1.
          env: { LOG_LEVEL: "fatal", ATTUNE_WEBHOOKS_ALLOW_LOOPBACK: "true" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
