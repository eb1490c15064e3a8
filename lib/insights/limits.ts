/** How long a claim and a body may be; shared by the schema and the form (no zod in the client bundle). */
export const CLAIM_MAX = 280;
export const BODY_MAX = 10_000;
